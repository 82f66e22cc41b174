/*
 * The customer page: Microsoft's Web Chat (window.WebChat, served from the npm package) against the
 * service's own Direct Line at /v3/directline. The token and conversation id are kept in
 * sessionStorage, so a reload in the same tab continues the conversation (the stream replays it).
 * One language menu sets the page's strings (i18n.js), Web Chat's locale and the bot's language;
 * the country selector and the chat agree both ways (chat-sync.js).
 */
(function () {
  'use strict';

  var STORAGE_KEY = 'support-bot.webchat'; // this tab's conversation: token and id (sessionStorage)
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
    return readJson(sessionStorage, STORAGE_KEY);
  }

  function writeSession(patch) {
    var next = Object.assign(readSession(), patch);
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    return next;
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

  function t(key) {
    var value = STRINGS[state.lang];
    key.split('.').forEach(function (k) {
      value = value == null ? undefined : value[k];
    });
    return typeof value === 'string' ? value : key;
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
    showStatus(state.status, t(state.status));
    if (state.errorKey) showError(t(state.errorKey));
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
    directLine: null,
    store: null,
    sync: null,
    resumed: false,
  };

  /** Web Chat in the page's language; rendering again with the same store and Direct Line keeps the conversation. */
  function render() {
    if (!state.store) return;
    window.WebChat.renderWebChat(
      {
        directLine: state.directLine,
        store: state.store,
        locale: t('webChatLocale'),
        styleOptions: {
          accent: '#8a5a35',
          backgroundColor: '#fbf9f7',
          primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK TC', sans-serif",
          rootHeight: '100%',
          rootWidth: '100%',
          avatarSize: 32,
          botAvatarInitials: 'CS',
          botAvatarBackgroundColor: '#8a5a35',
          showAvatarInGroup: 'sender',
          bubbleBackground: '#ffffff',
          bubbleBorderColor: '#ece4dc',
          bubbleBorderWidth: 1,
          bubbleBorderRadius: 14,
          bubbleTextColor: '#2b1d16',
          bubbleFromUserBackground: '#3b2a20',
          bubbleFromUserBorderColor: '#3b2a20',
          bubbleFromUserTextColor: '#ffffff',
          bubbleFromUserBorderRadius: 14,
          bubbleMaxWidth: 340,
          bubbleMinHeight: 36,
          groupTimestamp: 300000,
          timestampColor: '#9a8b80',
          hideUploadButton: true,
          sendBoxBackground: '#ffffff',
          sendBoxBorderTop: 'solid 1px #ece4dc',
          sendBoxButtonColor: '#8a5a35',
          sendBoxHeight: 52,
          suggestedActionLayout: 'flow',
          suggestedActionBorderRadius: 18,
          suggestedActionBackgroundColor: '#ffffff',
          suggestedActionBorderColor: '#c9a98c',
          suggestedActionBorderWidth: 1,
          suggestedActionTextColor: '#6b4328',
          suggestedActionBackgroundColorOnHover: '#f5ece4',
          suggestedActionHeight: 30,
          suggestedActionsFlowMaxHeight: 200,
          transcriptTerminatorBackgroundColor: '#8a5a35',
        },
      },
      el.chat,
    );
  }

  function watch(directLine) {
    directLine.connectionStatus$.subscribe(function (status) {
      if (directLine !== state.directLine) return; // replaced by a fresh conversation
      if (status === ConnectionStatus.Online) {
        showStatus('online');
        showError('');
        writeSession({ token: directLine.token, conversationId: directLine.conversationId });
      } else if (status === ConnectionStatus.Connecting || status === ConnectionStatus.Uninitialized) {
        showStatus('connecting');
      } else if ((status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.ExpiredToken) && state.resumed) {
        // The saved conversation is gone or its token ran out: start a fresh one once.
        sessionStorage.removeItem(STORAGE_KEY);
        start().catch(fail);
      } else {
        showStatus('offline');
        showError('unreachable');
      }
    });
    // Direct Line refreshes its token in the background: keep the newest one for a reload.
    setInterval(function () {
      if (directLine.token) writeSession({ token: directLine.token });
    }, 60000);
    window.addEventListener('pagehide', function () {
      if (directLine.token) writeSession({ token: directLine.token });
    });
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

  async function start() {
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
    state.directLine = window.WebChat.createDirectLine(options);
    if (previous) previous.end();
    state.sync = window.createSupportChatSync(function (setting) {
      if (setting.market) setMarket(setting.market, false);
      if (setting.lang && setting.lang !== state.lang) setLang(setting.lang, false);
    });
    state.store = window.WebChat.createStore({}, state.sync.middleware);
    // A new conversation learns the country from the locale's region; tell it when they differ.
    if (!state.resumed && state.market && state.market !== regionOf(locale)) state.sync.post('market', 'market:' + state.market);
    // For support engineers in the browser console, and for the end-to-end test.
    window.supportChat = { directLine: state.directLine, store: state.store };
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

  el.restart.addEventListener('click', function () {
    // A fresh conversation; the language and country are kept (localStorage).
    sessionStorage.removeItem(STORAGE_KEY);
    location.reload();
  });

  applyStrings();
  if (!window.WebChat) {
    showStatus('offline');
    showError('notLoaded');
    return;
  }
  start().catch(fail);
})();
