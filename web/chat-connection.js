/*
 * The customer page's honest connection state. Direct Line JS keeps saying "online" while its
 * WebSocket is down and retries slowly, so the page watches the stream socket itself:
 * - the socket closes (or the browser goes offline) → "reconnecting" at once, and the service is
 *   asked every couple of seconds whether the conversation is still there (GET conversations/:id);
 * - no answer for a few seconds → "offline"; the service answers → the conversation is resumed
 *   from its watermark (onBack), or, when the service no longer knows it (a restart that lost it:
 *   403/404), onLost starts a fresh one;
 * - while not online, the customer's messages are held here (shown on the page as "not sent yet")
 *   and sent in order once the stream is back.
 */
(function () {
  'use strict';

  var PROBE_MS = 2000;
  var OFFLINE_AFTER_MS = 5000;
  var STREAM = /\/v3\/directline\/conversations\/[^/]+\/stream/;
  var monitors = [];

  // Report the stream socket's open and close to the page (Direct Line JS creates it from the global).
  if (window.WebSocket && !window.WebSocket.supportWatched) {
    var Native = window.WebSocket;
    var Watched = function (url, protocols) {
      var ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
      if (STREAM.test(String(url))) {
        ws.addEventListener('open', function () {
          monitors.forEach(function (m) { m.socketOpened(ws); });
        });
        ws.addEventListener('close', function () {
          monitors.forEach(function (m) { m.socketClosed(ws); });
        });
      }
      return ws;
    };
    Watched.prototype = Native.prototype;
    ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (k) { Watched[k] = Native[k]; });
    Watched.supportWatched = true;
    window.WebSocket = Watched;
  }

  /**
   * opts: domain; directLine() → the current Direct Line; onState('connecting'|'online'|'reconnecting'|'offline');
   * onHeld(texts) → the messages waiting to be sent; onBack({ token, watermark }) → resume the
   * conversation with a new Direct Line; onLost() → the service no longer has this conversation.
   */
  window.createSupportConnection = function (opts) {
    var state = 'connecting';
    var socket = null;
    var downSince = 0;
    var probeTimer = null;
    var probing = false;
    var held = []; // POST_ACTIVITY actions, in order
    var store = null;
    var ended = false;

    function set(next) {
      if (next === state) return;
      state = next;
      opts.onState(state);
    }

    function heldTexts() {
      return held.filter(function (a) { return !isControl(a); }).map(function (a) { return a.payload.activity.text || ''; });
    }

    function isControl(action) {
      var cd = action.payload.activity.channelData || {};
      return !!cd['support-page:control'];
    }

    function down() {
      if (ended) return;
      if (!downSince) downSince = Date.now();
      if (state === 'online' || state === 'connecting') set('reconnecting');
      schedule(PROBE_MS);
    }

    function schedule(ms) {
      clearTimeout(probeTimer);
      probeTimer = setTimeout(probe, ms);
    }

    async function probe() {
      if (ended || state === 'online' || probing) return;
      var dl = opts.directLine();
      if (!dl || !dl.conversationId || !dl.token) return schedule(PROBE_MS);
      probing = true;
      var res = null;
      try {
        res = await fetch(opts.domain + '/conversations/' + encodeURIComponent(dl.conversationId) + '?watermark=' + encodeURIComponent(dl.watermark || ''), {
          headers: { authorization: 'Bearer ' + dl.token },
          cache: 'no-store',
        });
      } catch (e) {
        res = null; // unreachable
      } finally {
        probing = false;
      }
      if (ended || state === 'online') return;
      if (res && res.ok) {
        var body = await res.json().catch(function () { return {}; });
        set('connecting');
        opts.onBack({ token: body.token || dl.token, watermark: dl.watermark || '' });
        return schedule(PROBE_MS * 3); // if the new stream does not open, look again
      }
      if (res && (res.status === 403 || res.status === 404)) {
        ended = true;
        opts.onLost();
        return;
      }
      if (Date.now() - downSince >= OFFLINE_AFTER_MS) set('offline');
      schedule(PROBE_MS);
    }

    function release() {
      if (!store || state !== 'online') return;
      var waiting = held;
      held = [];
      opts.onHeld(heldTexts());
      waiting.forEach(function (a) { store.dispatch(a); });
    }

    var monitor = {
      socketOpened: function (ws) {
        if (ended) return;
        socket = ws;
        downSince = 0;
        clearTimeout(probeTimer);
        set('online');
        setTimeout(release, 0);
      },
      socketClosed: function (ws) {
        if (ws === socket || !socket) down();
      },
    };
    monitors.push(monitor);

    function onBrowserOffline() {
      down();
    }
    window.addEventListener('offline', onBrowserOffline);

    function middleware(api) {
      store = api;
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && state !== 'online' && !ended) {
            var activity = action.payload && action.payload.activity;
            if (!activity || activity.type !== 'message') return undefined; // typing: not worth holding
            held.push(action);
            opts.onHeld(heldTexts());
            return undefined;
          }
          return next(action);
        };
      };
    }

    return {
      middleware: middleware,
      get state() {
        return state;
      },
      /** The customer's messages still waiting (carried over to a fresh conversation). */
      takeHeld: function () {
        var waiting = held.filter(function (a) { return !isControl(a); });
        held = [];
        return waiting;
      },
      /** Hand held messages from an earlier connection to this one (sent once online). */
      hold: function (actions) {
        held = held.concat(actions);
        opts.onHeld(heldTexts());
        setTimeout(release, 0);
      },
      stop: function () {
        ended = true;
        clearTimeout(probeTimer);
        window.removeEventListener('offline', onBrowserOffline);
        monitors.splice(monitors.indexOf(monitor), 1);
      },
    };
  };
})();
