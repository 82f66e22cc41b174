/*
 * The customer page: Microsoft's Web Chat (window.WebChat, served from the npm package) against the
 * service's own Direct Line at /v3/directline. The token and conversation id are kept in
 * localStorage, so a reload, a new tab or a browser closed and opened again continues the
 * conversation while its token is valid (the stream replays it). One language menu sets the page's
 * strings (i18n.js), Web Chat's locale and the bot's language; the country selector and the chat
 * agree both ways (chat-sync.js). The connection state is watched by chat-connection.js; hand-off
 * messages are drawn by chat-render.js, and the header names the agent while one holds the chat.
 */
(function () {
  'use strict';

  var STORAGE_KEY = 'support-bot.webchat'; // the conversation: token and id (localStorage, shared by tabs)
  var PREFS_KEY = 'support-bot.prefs'; // the customer's language and country (localStorage)
  var DOMAIN = location.origin + '/v3/directline';
  var STRINGS = window.SupportPageStrings;
  var MARKETS = ['TW', 'FR', 'PT', 'KR'];
  var ConnectionStatus = { Uninitialized: 0, Connecting: 1, Online: 2, ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };

  var el = {
    chat: document.getElementById('webchat'),
    lang: document.getElementById('lang'),
    market: document.getElementById('market'),
    person: document.getElementById('person'),
    restart: document.getElementById('restart'),
    status: document.getElementById('status'),
    statusText: document.getElementById('status-text'),
    title: document.getElementById('widget-title'),
    role: document.getElementById('who-role'),
    logo: document.getElementById('logo'),
    initials: document.getElementById('logo-initials'),
    notice: document.getElementById('notice'),
    noticeText: document.getElementById('notice-text'),
    noticeClose: document.getElementById('notice-close'),
    held: document.getElementById('held'),
    heldList: document.getElementById('held-list'),
    confirm: document.getElementById('confirm-restart'),
    error: document.getElementById('error'),
  };

  function readJson(storage, key) {
    try {
      return JSON.parse(storage.getItem(key) || 'null') || {};
    } catch (e) {
      return {};
    }
  }

  function readSession() {
    return readJson(localStorage, STORAGE_KEY);
  }

  function writeSession(patch) {
    var next = Object.assign(readSession(), patch);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch (e) {
      /* private mode: the conversation lasts for this page only */
    }
    return next;
  }

  function forgetSession() {
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch (e) {
      /* nothing saved */
    }
  }

  function savePrefs() {
    try {
      localStorage.setItem(PREFS_KEY, JSON.stringify({ lang: state.lang, market: state.market }));
    } catch (e) {
      /* private mode: the choice lasts for this page only */
    }
  }

  /** The page's language from a browser tag: zh-* → zh-TW, ko, fr, pt, anything else English. */
  function langOf(tag) {
    var base = String(tag || '').replace('_', '-').split('-')[0].toLowerCase();
    if (base === 'zh') return 'zh-TW';
    return STRINGS[base] ? base : 'en';
  }

  /** The country from the browser's regions (fr-FR, ko-KR…), else none ("Other"). */
  function browserMarket() {
    var tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    for (var i = 0; i < tags.length; i++) {
      var market = regionOf(tags[i]);
      if (market) return market;
    }
    return '';
  }

  function regionOf(tag) {
    var parts = String(tag || '').replace('_', '-').split('-');
    for (var i = 1; i < parts.length; i++) if (MARKETS.indexOf(parts[i].toUpperCase()) >= 0) return parts[i].toUpperCase();
    return '';
  }

  function t(key, params) {
    var value = STRINGS[state.lang];
    key.split('.').forEach(function (k) {
      value = value == null ? undefined : value[k];
    });
    if (typeof value !== 'string') return key;
    return value.replace(/\{(\w+)\}/g, function (whole, name) {
      return params && params[name] !== undefined ? String(params[name]) : whole;
    });
  }

  /** The page's own strings in its language; Web Chat's come from its locale (render). */
  function applyStrings() {
    document.documentElement.lang = state.lang;
    document.title = t('title');
    el.lang.value = state.lang;
    el.market.value = state.market;
    document.querySelectorAll('[data-i18n]').forEach(function (node) {
      node.textContent = t(node.getAttribute('data-i18n'));
    });
    ['title', 'aria-label'].forEach(function (attr) {
      document.querySelectorAll('[data-i18n-' + attr + ']').forEach(function (node) {
        node.setAttribute(attr, t(node.getAttribute('data-i18n-' + attr)));
      });
    });
    showStatus(state.status);
    showHolder(state.holder);
    if (state.errorKey) showError(state.errorKey);
    if (state.noticeKey) showNotice(state.noticeKey);
    showHeld(state.heldTexts);
  }

  /** The header names who the customer is talking to: the agent holding the chat, else the assistant. */
  function showHolder(name) {
    state.holder = name;
    var agent = name === '…' ? t('someAgent') : name;
    el.title.textContent = agent || t('botName');
    el.role.textContent = agent ? t('agentRole') : '';
    el.role.hidden = !agent;
    el.logo.classList.toggle('widget__logo--agent', !!agent);
    el.initials.textContent = agent ? window.supportInitials(agent) : '';
  }

  function showNotice(key) {
    state.noticeKey = key;
    el.noticeText.textContent = key ? t(key) : '';
    el.notice.hidden = !key;
  }

  /** Messages written while offline, shown until they are sent. */
  function showHeld(texts) {
    state.heldTexts = texts || [];
    el.heldList.replaceChildren.apply(
      el.heldList,
      state.heldTexts.map(function (text) {
        var li = document.createElement('li');
        li.textContent = text;
        return li;
      }),
    );
    el.held.hidden = !state.heldTexts.length;
  }

  /** Seconds left on a Direct Line token (a JWT); 0 when unreadable. */
  function secondsLeft(token) {
    try {
      var payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return payload.exp - Date.now() / 1000;
    } catch (e) {
      return 0;
    }
  }

  function showStatus(key) {
    state.status = key;
    el.status.setAttribute('data-state', key);
    el.statusText.textContent = t(key);
  }

  /** An error notice by its key in the page's table ('' hides it), so it follows the language. */
  function showError(key) {
    state.errorKey = key;
    el.error.textContent = key ? t(key) : '';
    el.error.hidden = !key;
  }

  async function newToken() {
    var res = await fetch(DOMAIN + '/tokens/generate', { method: 'POST' });
    if (!res.ok) throw new Error('Could not start a chat (' + res.status + ').');
    return res.json();
  }

  var prefs = readJson(localStorage, PREFS_KEY);
  var state = {
    lang: STRINGS[prefs.lang] ? prefs.lang : langOf(navigator.language),
    market: typeof prefs.market === 'string' && (prefs.market === '' || MARKETS.indexOf(prefs.market) >= 0) ? prefs.market : browserMarket(),
    status: 'connecting',
    errorKey: '',
    noticeKey: '',
    holder: '',
    heldTexts: [],
    directLine: null,
    store: null,
    sync: null,
    connection: null,
    render: null,
    resumed: false,
    restarting: false,
  };

  /** Web Chat in the page's language; rendering again with the same store and Direct Line keeps the conversation. */
  function render() {
    if (!state.store) return;
    window.WebChat.renderWebChat(
      {
        directLine: state.directLine,
        store: state.store,
        locale: t('webChatLocale'),
        sendTypingIndicator: true,
        activityMiddleware: state.render.activityMiddleware,
        avatarMiddleware: state.render.avatarMiddleware,
        groupActivitiesMiddleware: state.render.groupActivitiesMiddleware,
        typingIndicatorMiddleware: state.render.typingIndicatorMiddleware,
        styleOptions: window.supportChatStyleOptions,
      },
      el.chat,
    );
  }

  /**
   * Direct Line's own view: a refused token for a saved conversation (the service restarted with a
   * new secret, or it expired) means that conversation is gone; the socket's state is chat-connection.js's.
   */
  function watch(directLine) {
    directLine.connectionStatus$.subscribe(function (status) {
      if (directLine !== state.directLine) return; // replaced by a resumed or fresh conversation
      if (status === ConnectionStatus.Online) {
        showError('');
        writeSession({ token: directLine.token, conversationId: directLine.conversationId });
      } else if (status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.ExpiredToken) {
        if (directLine.conversationId) lost();
        else fail();
      }
    });
  }

  // Direct Line refreshes its token in the background: keep the newest one for a reload or another
  // tab, unless the saved conversation is no longer this one (restarted here or in another tab).
  function saveToken() {
    var dl = state.directLine;
    if (dl && dl.token && dl.conversationId && readSession().conversationId === dl.conversationId) writeSession({ token: dl.token });
  }
  setInterval(saveToken, 60000);
  window.addEventListener('pagehide', saveToken);

  function onConnectionState(status) {
    showStatus(status);
    if (status === 'online') showError('');
  }

  /** The service answered again and still has the conversation: a new stream from the watermark. */
  function resume(conversation) {
    var previous = state.directLine;
    state.directLine = window.WebChat.createDirectLine({
      domain: DOMAIN,
      webSocket: true,
      token: conversation.token,
      conversationId: previous.conversationId,
      watermark: conversation.watermark,
    });
    exposeForTests();
    watch(state.directLine);
    render();
    previous.end();
  }

  /** The service no longer has this conversation (a restart lost it): say so, start afresh, keep what was unsent. */
  function lost() {
    if (state.restarting) return;
    state.restarting = true;
    var carried = state.connection ? state.connection.takeHeld() : [];
    forgetSession();
    showNotice('lostConversation');
    start(carried)
      .catch(fail)
      .finally(function () {
        state.restarting = false;
      });
  }

  function exposeForTests() {
    // For support engineers in the browser console, and for the end-to-end tests.
    window.supportChat = { directLine: state.directLine, store: state.store, connection: state.connection };
  }

  /** The customer chose a language (post: true) or the bot answered in another one (post: false). */
  function setLang(lang, post) {
    if (!STRINGS[lang]) return;
    var changed = lang !== state.lang;
    state.lang = lang;
    savePrefs();
    applyStrings();
    if (changed) render(); // Web Chat's own strings; the outgoing activities' locale follows too
    if (post && state.sync) state.sync.post('lang', 'lang:' + lang);
  }

  /** The customer chose a country in the selector (post: true) or in the chat (post: false). */
  function setMarket(market, post) {
    if (market !== '' && MARKETS.indexOf(market) < 0) return;
    state.market = market;
    el.market.value = market;
    savePrefs();
    if (post && market && state.sync) state.sync.post('market', 'market:' + market);
  }

  /**
   * Start (or continue) the conversation: the saved one while its token is valid, else a new one.
   * `carried`: messages written while a lost conversation was offline, sent into this one.
   */
  async function start(carried) {
    var saved = readSession();
    var locale = t('webChatLocale');
    var options = { domain: DOMAIN, webSocket: true, conversationStartProperties: { locale: locale } };
    if (saved.token && saved.conversationId && secondsLeft(saved.token) > 30) {
      options.token = saved.token;
      options.conversationId = saved.conversationId;
      state.resumed = true;
    } else {
      var fresh = await newToken();
      options.token = fresh.token;
      state.resumed = false;
      writeSession({ token: fresh.token, conversationId: null });
    }
    var previous = state.directLine;
    if (state.connection) state.connection.stop();
    state.directLine = window.WebChat.createDirectLine(options);
    if (previous) previous.end();
    showHolder('');
    showHeld([]);
    state.connection = window.createSupportConnection({
      domain: DOMAIN,
      directLine: function () {
        return state.directLine;
      },
      onState: onConnectionState,
      onHeld: showHeld,
      onBack: resume,
      onLost: lost,
    });
    showStatus(state.connection.state);
    state.sync = window.createSupportChatSync(function (setting) {
      if (setting.market) setMarket(setting.market, false);
      if (setting.lang && setting.lang !== state.lang) setLang(setting.lang, false);
    });
    state.store = window.WebChat.createStore({}, state.connection.middleware, state.sync.middleware);
    var store = state.store;
    store.subscribe(function () {
      if (store !== state.store) return;
      var holder = window.supportChatHolder(store.getState().activities);
      if (holder !== state.holder) showHolder(holder);
    });
    // A new conversation learns the country from the locale's region; tell it when they differ.
    if (!state.resumed && state.market && state.market !== regionOf(locale)) state.sync.post('market', 'market:' + state.market);
    if (carried && carried.length) state.connection.hold(carried);
    exposeForTests();
    watch(state.directLine);
    render();
  }

  function fail() {
    showStatus('offline');
    showError('couldNotStart');
  }

  el.person.addEventListener('click', function () {
    // The bot reads the neutral text; the transcript shows the button's label in the page's language.
    if (state.store) state.store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE_BACK', payload: { text: 'talk to a person', displayText: t('talkToPerson') } });
  });

  el.lang.addEventListener('change', function () {
    setLang(el.lang.value, true);
  });

  el.market.addEventListener('change', function () {
    setMarket(el.market.value, true);
  });

  // A fresh conversation only once the customer confirms; the language and country are kept (localStorage).
  el.restart.addEventListener('click', function () {
    el.confirm.showModal();
  });
  el.confirm.addEventListener('close', function () {
    if (el.confirm.returnValue !== 'restart') return;
    forgetSession();
    location.reload();
  });

  el.noticeClose.addEventListener('click', function () {
    showNotice('');
  });

  state.render = window.createSupportChatRender(t);
  applyStrings();
  if (!window.WebChat) {
    showStatus('offline');
    showError('notLoaded');
    return;
  }
  start().catch(fail);
})();
