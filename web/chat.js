/*
 * The customer page: Microsoft's Web Chat (window.WebChat, served from the npm package) against the
 * service's own Direct Line at /v3/directline. The token and conversation id are kept in
 * sessionStorage, so a reload in the same tab continues the conversation (the stream replays it).
 */
(function () {
  'use strict';

  var STORAGE_KEY = 'support-bot.webchat';
  var DOMAIN = location.origin + '/v3/directline';
  var MARKET_LOCALES = ['zh-TW', 'fr-FR', 'pt-PT', 'ko-KR'];
  var LANGUAGE_LOCALES = { zh: 'zh-TW', fr: 'fr-FR', pt: 'pt-PT', ko: 'ko-KR' };
  var ConnectionStatus = { Uninitialized: 0, Connecting: 1, Online: 2, ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };

  var el = {
    chat: document.getElementById('webchat'),
    market: document.getElementById('market'),
    person: document.getElementById('person'),
    restart: document.getElementById('restart'),
    status: document.getElementById('status'),
    statusText: document.getElementById('status-text'),
    error: document.getElementById('error'),
  };

  function readSession() {
    try {
      return JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null') || {};
    } catch (e) {
      return {};
    }
  }

  function writeSession(patch) {
    var next = Object.assign(readSession(), patch);
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    return next;
  }

  /** The market's locale from the browser: a region we serve (fr-FR, ko-KR…), else the language, else none. */
  function browserLocale() {
    var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    for (var i = 0; i < langs.length; i++) {
      var parts = String(langs[i]).replace('_', '-').split('-');
      for (var j = 0; j < MARKET_LOCALES.length; j++) {
        if (parts.length > 1 && parts[parts.length - 1].toUpperCase() === MARKET_LOCALES[j].slice(3)) return MARKET_LOCALES[j];
      }
    }
    for (var k = 0; k < langs.length; k++) {
      var lang = String(langs[k]).slice(0, 2).toLowerCase();
      if (LANGUAGE_LOCALES[lang]) return LANGUAGE_LOCALES[lang];
    }
    return 'en-US';
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

  function showStatus(state, text) {
    el.status.setAttribute('data-state', state);
    el.statusText.textContent = text;
  }

  function showError(text) {
    el.error.textContent = text;
    el.error.hidden = !text;
  }

  async function newToken() {
    var res = await fetch(DOMAIN + '/tokens/generate', { method: 'POST' });
    if (!res.ok) throw new Error('Could not start a chat (' + res.status + ').');
    return res.json();
  }

  var state = { directLine: null, store: null, locale: null, resumed: false };

  function render() {
    window.WebChat.renderWebChat(
      {
        directLine: state.directLine,
        store: state.store,
        locale: state.locale,
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
        showStatus('online', 'Online · usually answers in seconds');
        showError('');
        writeSession({ token: directLine.token, conversationId: directLine.conversationId });
      } else if (status === ConnectionStatus.Connecting || status === ConnectionStatus.Uninitialized) {
        showStatus('connecting', 'Connecting…');
      } else if ((status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.ExpiredToken) && state.resumed) {
        // The saved conversation is gone or its token ran out: start a fresh one once.
        sessionStorage.removeItem(STORAGE_KEY);
        start().catch(fail);
      } else {
        showStatus('offline', 'Offline');
        showError('The chat is not reachable right now. Please try again in a moment.');
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

  async function start() {
    var saved = readSession();
    state.locale = saved.locale || browserLocale();
    el.market.value = state.locale;
    var options = { domain: DOMAIN, webSocket: true, conversationStartProperties: { locale: state.locale } };
    if (saved.token && saved.conversationId && secondsLeft(saved.token) > 30) {
      options.token = saved.token;
      options.conversationId = saved.conversationId;
      state.resumed = true;
    } else {
      var fresh = await newToken();
      options.token = fresh.token;
      state.resumed = false;
      writeSession({ token: fresh.token, conversationId: null, locale: state.locale });
    }
    var previous = state.directLine;
    state.directLine = window.WebChat.createDirectLine(options);
    if (previous) previous.end();
    state.store = window.WebChat.createStore();
    // For support engineers in the browser console, and for the end-to-end test.
    window.supportChat = { directLine: state.directLine, store: state.store };
    watch(state.directLine);
    render();
  }

  function fail(err) {
    showStatus('offline', 'Offline');
    showError((err && err.message) || 'The chat could not start.');
  }

  el.person.addEventListener('click', function () {
    if (state.store) state.store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: 'talk to a person' } });
  });

  el.market.addEventListener('change', function () {
    // The locale goes with every message; the bot maps its region to the market it answers for.
    state.locale = el.market.value;
    writeSession({ locale: state.locale });
    render();
  });

  el.restart.addEventListener('click', function () {
    sessionStorage.removeItem(STORAGE_KEY);
    writeSession({ locale: state.locale });
    location.reload();
  });

  if (!window.WebChat) {
    fail(new Error('The chat component did not load.'));
    return;
  }
  start().catch(fail);
})();
