// Agent console: sign in with the agent token (kept in sessionStorage), live queue over SSE,
// accept, chat with the context packet beside it, reply, end with an optional note.
// Everything the server sends is treated as text (textContent), never as HTML.

import { channelName, customerName, slotName, stepName, taskName } from './agent-labels.js';

const $ = (id) => document.getElementById(id);
const store = window.sessionStorage;
const ui = {
  token: store.getItem('agent.token') || '',
  agent: store.getItem('agent.name') || '',
  selected: null,
  detail: null,
  queue: { waiting: [], withAgents: [] },
  events: null,
};

function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

class ApiError extends Error {
  constructor(status, message, reason) {
    super(message);
    this.status = status;
    this.reason = reason;
  }
}

async function api(path, body) {
  const res = await fetch(`/api/agent/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${ui.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (res.status === 401) {
    signOut(data?.error?.message || 'Your token was not accepted.');
    throw new ApiError(401, 'Signed out.');
  }
  if (!res.ok) throw new ApiError(res.status, data?.error?.message || `Request failed (${res.status}).`, data?.error?.reason);
  return data;
}

const conv = (id) => `conversations/${encodeURIComponent(id)}`;

// ---- time and labels ----

function ago(ms) {
  const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
  if (s < 60) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const hrs = Math.floor(m / 60);
  return hrs < 24 ? `${hrs} h ${m % 60} min` : `${Math.floor(hrs / 24)} d`;
}
const clock = (ms) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const customerLabel = (item) => customerName(item.customerName || item.packet?.customer?.name, item.id, item.channel || item.channelId);
const STATUS = { queued: 'Waiting', withAgent: 'With agent', ended: 'Back with bot' };

// ---- sign in / out ----

function showConsole() {
  $('login-view').hidden = true;
  $('console-view').hidden = false;
  $('session').hidden = false;
  $('who').textContent = ui.agent ? `Signed in as ${ui.agent}` : 'Signed in';
}

function signOut(message) {
  store.removeItem('agent.token');
  ui.token = '';
  ui.events?.close();
  ui.events = null;
  ui.selected = null;
  $('console-view').hidden = true;
  $('session').hidden = true;
  $('login-view').hidden = false;
  const err = $('login-error');
  err.hidden = !message;
  err.textContent = message || '';
  $('token').focus();
}

$('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  ui.token = $('token').value.trim();
  ui.agent = $('agent-name').value.trim();
  $('login-submit').disabled = true;
  try {
    ui.queue = await api('queue');
    store.setItem('agent.token', ui.token);
    if (ui.agent) store.setItem('agent.name', ui.agent);
    else store.removeItem('agent.name');
    $('token').value = '';
    start();
  } catch (err) {
    if (err.status !== 401) {
      $('login-error').hidden = false;
      $('login-error').textContent = err.message;
    }
  } finally {
    $('login-submit').disabled = false;
  }
});
$('logout').addEventListener('click', () => signOut());

function start() {
  showConsole();
  renderQueue();
  connect();
}

// ---- live events ----

function setLive(state, text) {
  $('live').dataset.state = state;
  $('live-text').textContent = text;
}

async function connect() {
  ui.events?.close();
  ui.events = null;
  // EventSource cannot send the token in a header, and a URL is no place for it: a one-use ticket.
  let ticket;
  try {
    ({ ticket } = await api('events/ticket', {}));
  } catch {
    setLive('down', 'Reconnecting…');
    if (ui.token) setTimeout(connect, 3000);
    return;
  }
  const es = new EventSource(`/api/agent/events?ticket=${encodeURIComponent(ticket)}`);
  ui.events = es;
  setLive('connecting', 'Connecting…');
  es.onmessage = (m) => {
    let ev;
    try {
      ev = JSON.parse(m.data);
    } catch {
      return;
    }
    if (ev.type === 'ready') {
      setLive('live', 'Live');
      refreshQueue();
      if (ui.selected) refreshDetail();
    } else if (ev.type === 'queue') {
      refreshQueue();
      if (ev.id === ui.selected) refreshDetail();
    } else if (ev.type === 'typing') {
      if (ev.id === ui.selected) showCustomerTyping(true);
    } else if (ev.type === 'message') {
      if (ev.id === ui.selected && ev.line.from === 'user') showCustomerTyping(false);
      if (ev.id === ui.selected && ui.detail) {
        ui.detail.transcript.push(ev.line);
        renderTranscript();
      }
      if (ev.line.from === 'user') refreshQueue();
    }
  };
  es.onerror = () => {
    setLive('down', 'Reconnecting…');
    // A ticket serves one connection: on any drop, check the token (signing out if it is refused)
    // and connect again with a fresh ticket.
    es.close();
    if (ui.events === es) api('queue').then(() => setTimeout(connect, 3000)).catch(() => {});
  };
}

let queueTimer = null;
function refreshQueue() {
  clearTimeout(queueTimer);
  queueTimer = setTimeout(async () => {
    try {
      ui.queue = await api('queue');
      renderQueue();
    } catch {
      /* shown on the next action */
    }
  }, 80);
}

// ---- queue ----

function queueItem(item) {
  const selected = item.id === ui.selected;
  return h(
    'li',
    { class: `conv${selected ? ' selected' : ''}`, dataset: { id: item.id, status: item.status } },
    h(
      'button',
      { type: 'button', onclick: () => select(item.id), 'aria-current': selected ? 'true' : undefined },
      h(
        'div',
        { class: 'conv-top' },
        h('span', { class: 'conv-name' }, customerLabel(item)),
        h('span', { class: 'conv-time' }, item.status === 'queued' ? ago(item.queuedAt) : item.agent || ''),
      ),
      h(
        'div',
        { class: 'conv-tags' },
        item.position ? h('span', { class: 'tag tag-pos' }, `#${item.position}`) : null,
        h('span', { class: 'tag' }, item.marketName || 'Market unknown'),
        h('span', { class: 'tag' }, channelName(item.channel)),
        item.afterHours ? h('span', { class: 'tag tag-warn' }, 'Left a message') : null,
      ),
      h('div', { class: 'conv-reason' }, item.reasonText),
      item.lastCustomerMessage ? h('div', { class: 'conv-preview' }, `“${item.lastCustomerMessage}”`) : null,
    ),
  );
}

function renderQueue() {
  const { waiting, withAgents } = ui.queue;
  $('queue-waiting').replaceChildren(...waiting.map(queueItem));
  $('queue-active').replaceChildren(...withAgents.map(queueItem));
  $('waiting-count').textContent = String(waiting.length);
  $('active-count').textContent = String(withAgents.length);
  $('waiting-empty').hidden = waiting.length > 0;
  $('active-empty').hidden = withAgents.length > 0;
  document.title = waiting.length ? `(${waiting.length}) Agent console` : 'Agent console · Coffee support';
}

// ---- conversation ----

async function select(id) {
  ui.selected = id;
  ui.detail = null;
  showError('');
  showCustomerTyping(false);
  renderQueue();
  await refreshDetail();
  // One column (a phone): bring the conversation into view.
  if (window.matchMedia('(max-width: 720px)').matches) $('chat').scrollIntoView({ block: 'start' });
}

// ---- typing, both ways ----

let typingTimer = null;
/** "Customer is typing…" for a few seconds after each typing event (Web Chat sends one every ~3 s). */
function showCustomerTyping(on) {
  clearTimeout(typingTimer);
  $('typing').hidden = !on;
  if (on) typingTimer = setTimeout(() => ($('typing').hidden = true), 5000);
}

let lastTypingSent = 0;
/** The customer sees "<name> is typing…": told at most every 3 s while the agent writes. */
function agentTyping() {
  const now = Date.now();
  if (!ui.selected || ui.detail?.handoff.status !== 'withAgent' || now - lastTypingSent < 3000) return;
  lastTypingSent = now;
  api(`${conv(ui.selected)}/typing`, ui.agent ? { agent: ui.agent } : {}).catch(() => {});
}

async function refreshDetail() {
  const id = ui.selected;
  if (!id) return;
  try {
    const detail = await api(conv(id));
    if (ui.selected !== id) return;
    ui.detail = detail;
    renderDetail();
  } catch (err) {
    if (err.status === 404) {
      ui.selected = null;
      renderDetail();
    } else showError(err.message);
  }
}

function renderDetail() {
  const d = ui.detail;
  $('chat-placeholder').hidden = !!d;
  $('chat').hidden = !d;
  $('context').hidden = !d;
  $('console-view').classList.toggle('has-context', !!d);
  if (!d) return;
  const rec = d.handoff;
  const p = rec.packet;
  $('chat-title').textContent = customerName(p.customer?.name, rec.id, rec.channelId);
  $('chat-sub').textContent = [p.marketName || 'Market unknown', channelName(rec.channelId), `queued ${clock(rec.queuedAt)}`].join(' · ');
  const status = $('chat-status');
  status.textContent = rec.status === 'withAgent' && rec.agent ? `With ${rec.agent}` : STATUS[rec.status];
  status.dataset.status = rec.status;
  const mine = rec.status === 'withAgent';
  $('accept').hidden = rec.status !== 'queued';
  $('end').hidden = rec.status === 'ended';
  $('message').disabled = !mine;
  $('send').disabled = !mine;
  $('message').placeholder = mine
    ? 'Write a reply to the customer…'
    : rec.status === 'queued'
      ? 'Accept the conversation to reply.'
      : 'This conversation is back with the assistant.';
  renderTranscript();
  renderContext(rec, d.position);
}

function renderTranscript() {
  const list = $('transcript');
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const who = { user: 'Customer', bot: 'Assistant', agent: 'Agent', system: '' };
  list.replaceChildren(
    ...ui.detail.transcript.map((l) =>
      l.from === 'system'
        ? h('li', { class: 'msg msg-system' }, h('span', {}, l.text))
        : h(
            'li',
            { class: `msg msg-${l.from}` },
            h('div', { class: 'msg-meta' }, `${who[l.from] || l.from} · ${clock(l.at)}`),
            h('div', { class: 'bubble' }, l.text),
          ),
    ),
  );
  if (nearBottom || list.dataset.for !== ui.selected) list.scrollTop = list.scrollHeight;
  list.dataset.for = ui.selected;
}

function fact(label, value) {
  if (value === undefined || value === null || value === '') return [];
  return [h('dt', {}, label), h('dd', {}, value)];
}

/** The bar's width through the CSSOM: the page's Content-Security-Policy forbids style attributes. */
function scoreFill(score) {
  const fill = h('span');
  fill.style.width = `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
  return fill;
}

function section(title, ...body) {
  return h('section', { class: 'ctx-section' }, h('h3', {}, title), ...body);
}

function renderContext(rec, position) {
  const p = rec.packet;
  $('facts').replaceChildren(
    ...fact('Market', p.marketName || 'Unknown'),
    ...fact('Channel', channelName(p.channel)),
    ...fact('Reason', p.reasonText),
    ...fact('Queue', rec.status === 'queued' ? (position ? `#${position}, waiting ${ago(rec.queuedAt)}` : `waiting ${ago(rec.queuedAt)}`) : undefined),
    ...fact('Hours', p.hours ? `${p.hours.text}${p.afterHours ? ' — closed when asked' : ''}` : undefined),
    ...fact('Phone', p.hours?.phone),
    ...fact('Language', p.langName),
    ...fact('Locale', p.locale),
    ...fact('Note', rec.note),
  );
  const parts = [];
  if (p.dialog) {
    const slots = Object.entries(p.dialog.slots || {});
    parts.push(
      section(
        'Guided task',
        h('p', { class: 'ctx-line' }, h('strong', {}, taskName(p.dialog.machine)), p.dialog.step ? ` · ${stepName(p.dialog.step)}` : ''),
        p.dialog.summary ? h('p', { class: 'ctx-line muted' }, p.dialog.summary) : null,
        slots.length
          ? h('table', { class: 'slots' }, h('tbody', {}, ...slots.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, slotName(k)), h('td', {}, String(v))))))
          : h('p', { class: 'muted' }, 'No answers yet.'),
      ),
    );
  }
  if (p.rejectedAnswer) {
    parts.push(section('Answer the customer rejected', h('p', { class: 'ctx-line' }, p.rejectedAnswer.question || p.rejectedAnswer.faqId)));
  }
  parts.push(
    section(
      'FAQ candidates',
      p.faqCandidates.length
        ? h(
            'ul',
            { class: 'cands' },
            ...p.faqCandidates.map((c) =>
              h(
                'li',
                {},
                h('div', { class: 'cand-q' }, c.question),
                h('div', { class: 'cand-score' }, h('span', { class: 'bar' }, scoreFill(c.score)), c.score.toFixed(2)),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'None found.'),
    ),
  );
  parts.push(
    section(
      'Bookings',
      p.bookings.length
        ? h(
            'ul',
            { class: 'bookings' },
            ...p.bookings.map((b) => h('li', {}, h('strong', {}, b.reference), ` · ${b.model} · ${b.status} · ${b.createdAt.slice(0, 10)}`, h('div', { class: 'muted' }, b.warranty))),
          )
        : h('p', { class: 'muted' }, 'No earlier bookings.'),
    ),
  );
  $('context-sections').replaceChildren(...parts);
}

function showError(message) {
  const b = $('chat-error');
  b.hidden = !message;
  b.textContent = message;
}

// ---- actions ----

$('accept').addEventListener('click', async () => {
  const id = ui.selected;
  $('accept').disabled = true;
  try {
    const r = await api(`${conv(id)}/accept`, ui.agent ? { agent: ui.agent } : {});
    showError(r.delivery && !r.delivery.delivered ? `Accepted, but the customer was not told: ${r.delivery.message}` : '');
    await refreshDetail();
    refreshQueue();
    $('message').focus();
  } catch (err) {
    showError(err.message);
    await refreshDetail();
  } finally {
    $('accept').disabled = false;
  }
});

$('composer').addEventListener('submit', async (e) => {
  e.preventDefault();
  const box = $('message');
  const text = box.value.trim();
  if (!text || !ui.selected) return;
  $('send').disabled = true;
  try {
    await api(`${conv(ui.selected)}/messages`, ui.agent ? { text, agent: ui.agent } : { text });
    box.value = '';
    lastTypingSent = 0;
    showError('');
  } catch (err) {
    showError(err.message);
  } finally {
    $('send').disabled = ui.detail?.handoff.status !== 'withAgent';
    box.focus();
  }
});

$('message').addEventListener('input', agentTyping);

$('message').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    $('composer').requestSubmit();
  }
});

$('end').addEventListener('click', () => {
  $('end-note').value = '';
  $('end-dialog').showModal();
  $('end-note').focus();
});
$('end-cancel').addEventListener('click', () => $('end-dialog').close());
$('end-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const note = $('end-note').value.trim();
  $('end-confirm').disabled = true;
  try {
    const r = await api(`${conv(ui.selected)}/end`, note ? { note } : {});
    $('end-dialog').close();
    showError(r.delivery && !r.delivery.delivered ? `Ended, but the customer was not told: ${r.delivery.message}` : '');
    await refreshDetail();
    refreshQueue();
  } catch (err) {
    $('end-dialog').close();
    showError(err.message);
  } finally {
    $('end-confirm').disabled = false;
  }
});

// Keep "waiting for N min" fresh.
setInterval(() => {
  if (ui.token && !$('console-view').hidden) renderQueue();
}, 30_000);

if (ui.token) {
  $('agent-name').value = ui.agent;
  api('queue')
    .then((q) => {
      ui.queue = q;
      start();
    })
    .catch(() => {});
} else {
  $('agent-name').value = ui.agent;
}
