/*
 * How the customer page draws hand-off messages inside Web Chat (its middleware props):
 * - an agent's message shows the agent's name above the bubble and their initials as its avatar
 *   (Direct Line `from.name`, channelData.support.agent);
 * - "joined" and "left" notices (channelData.support.notice) are dividers across the transcript,
 *   not bubbles; when the agent leaves, the bot's own words follow as its message;
 * - messages are grouped by sender (the bot and an agent are both on the bot's side).
 * Web Chat's full bundle keeps its React to itself, so elements are built as React 16 element
 * objects (the bundle's React is 16.8: `$$typeof` Symbol.for('react.element')).
 */
(function () {
  'use strict';

  var ELEMENT = typeof Symbol === 'function' ? Symbol.for('react.element') : 0xeac7;

  function h(type, props) {
    var children = Array.prototype.slice.call(arguments, 2).filter(function (c) {
      return c !== null && c !== undefined && c !== false;
    });
    var p = Object.assign({}, props);
    var key = p.key === undefined ? null : String(p.key);
    delete p.key;
    if (children.length === 1) p.children = children[0];
    else if (children.length > 1) p.children = children;
    return { $$typeof: ELEMENT, type: type, key: key, ref: null, props: p, _owner: null };
  }

  function support(activity) {
    return (activity && activity.channelData && activity.channelData.support) || {};
  }

  /** The agent who wrote a message (a bot-side activity sent under an agent's name). */
  function agentOf(activity) {
    var s = support(activity);
    return activity && activity.from && activity.from.role !== 'user' && s.agent && !s.notice ? s.agent : '';
  }

  /** Up to two initials, in any script ("Marie Dupont" → MD, "김민지" → 김). */
  function initials(name) {
    var words = String(name || '').trim().split(/\s+/).filter(Boolean);
    if (!words.length) return '?';
    var first = Array.from(words[0])[0] || '';
    var last = words.length > 1 ? Array.from(words[words.length - 1])[0] || '' : '';
    return (first + last).toUpperCase();
  }

  /**
   * The Web Chat props. `t(key, params)` words the page's strings; `onHolder(name)` hears who
   * holds the chat after each activity is drawn ('' for the bot).
   */
  window.createSupportChatRender = function (t) {
    var activityMiddleware = function () {
      return function (next) {
        return function (setup) {
          var activity = setup && setup.activity;
          var s = support(activity);
          if (activity && activity.type === 'message' && s.notice === 'agentJoined') {
            return function () {
              return divider('joined', activity.text || '');
            };
          }
          if (activity && activity.type === 'message' && s.notice === 'agentLeft') {
            var inner = next(setup);
            var left = s.agent ? t('agentLeft', { name: s.agent }) : t('agentLeftAnonymous');
            return function () {
              var args = arguments;
              return h('div', { className: 'support-notice-group' }, divider('left', left, 'divider'), inner ? h('div', { key: 'message' }, inner.apply(null, args)) : null);
            };
          }
          var agent = agentOf(activity);
          if (agent && activity.type === 'message') {
            var render = next(setup);
            if (!render) return render;
            return function () {
              return h(
                'div',
                { className: 'support-agent-message' },
                h('p', { className: 'support-agent-message__name', key: 'name' }, agent, h('span', { className: 'support-agent-message__role', key: 'role' }, ' · ' + t('agentRole'))),
                h('div', { key: 'message' }, render.apply(null, arguments)),
              );
            };
          }
          return next(setup);
        };
      };
    };

    function divider(kind, text, key) {
      return h(
        'div',
        { className: 'support-divider support-divider--' + kind, key: key || kind, 'data-notice': kind },
        h('span', { className: 'support-divider__line', 'aria-hidden': 'true' }),
        h('span', { className: 'support-divider__text' }, text),
        h('span', { className: 'support-divider__line', 'aria-hidden': 'true' }),
      );
    }

    var avatarMiddleware = function () {
      return function (next) {
        return function (args) {
          var agent = agentOf(args && args.activity);
          if (!agent) return next(args);
          return function () {
            return h('div', { className: 'support-agent-avatar', 'aria-hidden': 'true', title: agent }, initials(agent));
          };
        };
      };
    };

    // Web Chat groups consecutive messages by role; an agent's must not share the bot's avatar.
    var groupActivitiesMiddleware = function () {
      return function (next) {
        return function (args) {
          var groups = next(args);
          var bins = [];
          (args.activities || []).forEach(function (a, i, all) {
            var prev = all[i - 1];
            if (prev && senderKey(prev) === senderKey(a)) bins[bins.length - 1].push(a);
            else bins.push([a]);
          });
          return Object.assign({}, groups, { sender: bins });
        };
      };
    };

    function senderKey(a) {
      var role = (a.from && a.from.role) || '';
      return role === 'user' ? 'user' : role + ':' + (agentOf(a) || (support(a).notice ? 'notice' : 'bot'));
    }

    // An agent typing is named ("Minji is typing…"); the bot's own typing keeps Web Chat's dots.
    var typingIndicatorMiddleware = function () {
      return function (next) {
        return function (args) {
          var active = (args && args.activeTyping) || {};
          var typers = Object.keys(active)
            .filter(function (id) { return /^agent:/.test(id) && active[id] && active[id].role !== 'user' && active[id].name; })
            .map(function (id) { return active[id]; });
          if (!args.visible || !typers.length) return next(args);
          return h(
            'div',
            { className: 'support-typing' },
            h('span', { className: 'support-typing__dots', 'aria-hidden': 'true', key: 'dots' }, h('span', { key: 1 }), h('span', { key: 2 }), h('span', { key: 3 })),
            h('span', { key: 'text' }, t('agentTyping', { name: typers[0].name })),
          );
        };
      };
    };

    return {
      activityMiddleware: activityMiddleware,
      avatarMiddleware: avatarMiddleware,
      groupActivitiesMiddleware: groupActivitiesMiddleware,
      typingIndicatorMiddleware: typingIndicatorMiddleware,
    };
  };

  /** Who holds the chat after these activities: the agent's name after a "joined" notice, '' once they left. */
  window.supportChatHolder = function (activities) {
    var holder = '';
    (activities || []).forEach(function (a) {
      var s = support(a);
      if (s.notice === 'agentJoined') holder = s.agent || '…';
      else if (s.notice === 'agentLeft') holder = '';
      else if (agentOf(a)) holder = agentOf(a);
    });
    return holder;
  };

  window.supportInitials = initials;

  /** Web Chat's look: the page's colours, compact chips; text colours meet WCAG AA contrast. */
  window.supportChatStyleOptions = {
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
    timestampColor: '#6e5f55',
    subtle: '#6e5f55',
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
  };
})();
