/*
 * Keeps the page's language menu and country selector and the bot in step, as a Web Chat store
 * middleware. Page → bot: `lang:<code>` and `market:<XX>` are posted as hidden messages (a postBack:
 * Web Chat does not draw it, the service reads its text like any message). A customer message typed
 * while such a post is on its way is held until the post is answered, so the bot has the new
 * setting before its next answer. Bot → page: every bot reply carries channelData.support
 * { lang, market }; a market that changed or a language other than the page's is reported to the
 * page, except in replies to messages sent before the page's own latest change of that setting.
 * The bot's answer to a page post ("Thanks — I'll answer for Taiwan") keeps the buttons shown before it.
 */
(function () {
  'use strict';

  var KIND = 'support-page:control'; // channelData key on the page's own posts: 'lang' or 'market'
  var HOLD_AT_MOST_MS = 15000;

  function kindOf(activity) {
    var kind = activity && activity.channelData && activity.channelData[KIND];
    return kind === 'lang' || kind === 'market' ? kind : undefined;
  }

  /**
   * onBotSetting({ lang?, market? }): the bot's setting the page should follow, applied once the
   * activities that arrived together (a replay after a reload) have all been read.
   */
  window.createSupportChatSync = function (onBotSetting) {
    var store = null;
    var connected = false;
    var queued = {}; // kind → action, posted once connected (the last one of each kind)
    var inFlight = {}; // clientActivityID → kind
    var flying = { lang: 0, market: 0 };
    var held = [];
    var holdTimer = null;
    var userOrder = {}; // server activity id of each user message → its position
    var userCount = 0;
    var lastControl = { lang: -1, market: -1 }; // position of the page's latest post of each kind
    var lastBotMarket;
    var follow = {};
    var followTimer = null;
    var suppressClear = false;
    var controlIds = {}; // server ids of the page's own posts
    // From a page post until the bot's next real message: the buttons on screen stay (Web Chat clears
    // them on every post, and again on a reply without buttons).
    var keepSuggestions = false;

    function post(kind, text) {
      var action = {
        type: 'DIRECT_LINE/POST_ACTIVITY',
        meta: { method: 'code' },
        payload: { activity: { type: 'message', text: text, channelData: { postBack: true, [KIND]: kind } } },
      };
      if (!store || !connected) {
        queued[kind] = action;
        return;
      }
      store.dispatch(action);
    }

    function flushQueued() {
      var kinds = Object.keys(queued);
      var actions = kinds.map(function (k) { return queued[k]; });
      queued = {};
      actions.forEach(function (a) { store.dispatch(a); });
    }

    function anyFlying() {
      return flying.lang + flying.market > 0;
    }

    function release(next) {
      clearTimeout(holdTimer);
      holdTimer = null;
      var waiting = held;
      held = [];
      waiting.forEach(function (a) { next(a); });
    }

    /** A reply to a message sent before the page's latest change of `kind` (or while it is on its way) is stale for it. */
    function stale(kind, replyToId) {
      if (flying[kind] > 0 || queued[kind]) return true;
      var at = replyToId !== undefined ? userOrder[replyToId] : undefined;
      return at !== undefined && at <= lastControl[kind];
    }

    function read(activity) {
      var role = activity.from && activity.from.role;
      if (role === 'user') {
        if (activity.id && userOrder[activity.id] === undefined) userOrder[activity.id] = ++userCount;
        var kind = kindOf(activity);
        if (kind && activity.id) {
          lastControl[kind] = userOrder[activity.id];
          controlIds[activity.id] = true;
        }
        return;
      }
      var support = activity.type === 'message' && activity.channelData && activity.channelData.support;
      if (!support) return;
      if (support.market && support.market !== lastBotMarket) {
        lastBotMarket = support.market;
        if (!stale('market', activity.replyToId)) follow.market = support.market;
      }
      if (support.lang && !stale('lang', activity.replyToId)) follow.lang = support.lang;
      if (!followTimer && (follow.lang || follow.market)) {
        followTimer = setTimeout(function () {
          followTimer = null;
          var setting = follow;
          follow = {};
          onBotSetting(setting);
        }, 30);
      }
    }

    function middleware(api) {
      store = api;
      return function (next) {
        return function (action) {
          var type = action.type;
          var activity = action.payload && action.payload.activity;
          var meta = action.meta || {};
          var result;
          switch (type) {
            case 'DIRECT_LINE/CONNECT_FULFILLED':
            case 'DIRECT_LINE/RECONNECT_FULFILLED':
              result = next(action);
              connected = true;
              setTimeout(flushQueued, 0);
              return result;
            case 'DIRECT_LINE/DISCONNECT_PENDING':
            case 'DIRECT_LINE/UPDATE_CONNECTION_STATUS':
              if (type === 'DIRECT_LINE/DISCONNECT_PENDING') connected = false;
              return next(action);
            case 'DIRECT_LINE/POST_ACTIVITY':
              if (kindOf(activity)) {
                flying[kindOf(activity)]++;
                keepSuggestions = true;
                return next(action);
              }
              if (activity && activity.type === 'message') keepSuggestions = false; // the customer's own message clears them
              if (anyFlying()) {
                held.push(action);
                if (!holdTimer) holdTimer = setTimeout(function () { release(next); }, HOLD_AT_MOST_MS);
                return undefined;
              }
              return next(action);
            case 'DIRECT_LINE/POST_ACTIVITY_PENDING':
              if (!kindOf(activity)) return next(action);
              inFlight[meta.clientActivityID] = kindOf(activity);
              // Web Chat clears the suggested actions when a message is sent; a hidden post keeps them.
              suppressClear = true;
              try {
                return next(action);
              } finally {
                suppressClear = false;
              }
            case 'WEB_CHAT/SET_SUGGESTED_ACTIONS': {
              var empty = !(action.payload && action.payload.suggestedActions && action.payload.suggestedActions.length);
              if (empty && (suppressClear || keepSuggestions)) return undefined;
              return next(action);
            }
            case 'DIRECT_LINE/POST_ACTIVITY_FULFILLED':
            case 'DIRECT_LINE/POST_ACTIVITY_REJECTED':
              result = next(action);
              if (inFlight[meta.clientActivityID]) {
                flying[inFlight[meta.clientActivityID]]--;
                delete inFlight[meta.clientActivityID];
                if (!anyFlying()) release(next);
              }
              return result;
            case 'DIRECT_LINE/INCOMING_ACTIVITY':
              // "Thanks — I'll answer for Taiwan" (a reply to the page's own post, without buttons)
              // must not take away the buttons of the message before it.
              if (activity && activity.type === 'message' && activity.from && activity.from.role !== 'user') {
                var toControl = activity.replyToId && controlIds[activity.replyToId];
                keepSuggestions = !!toControl && !(activity.suggestedActions && activity.suggestedActions.actions && activity.suggestedActions.actions.length);
              }
              result = next(action);
              if (activity) read(activity);
              return result;
            default:
              return next(action);
          }
        };
      };
    }

    return { middleware: middleware, post: post };
  };
})();
