// The console's words for what the service sends as ids: channels, guided tasks and their steps,
// answers a task collected, and a readable handle for a customer who gave no name.

const CHANNELS = {
  directline: 'Web chat',
  webchat: 'Web chat',
  line: 'LINE',
  whatsapp: 'WhatsApp',
  emulator: 'Bot Framework Emulator',
  msteams: 'Microsoft Teams',
  facebook: 'Facebook Messenger',
  telegram: 'Telegram',
  slack: 'Slack',
  sms: 'SMS',
};

const TASKS = {
  noWater: 'No water coming out',
  repairBooking: 'Repair booking',
  passwordReset: 'Password reset',
  cancellationPenalty: 'Subscription cancellation fee',
};

/** "askingPurchaseDate" → "purchase date"; "tryingFix" → "trying fix". */
function words(id) {
  return String(id)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
}

const capital = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);

export function channelName(id) {
  if (!id) return 'Unknown channel';
  return CHANNELS[String(id).toLowerCase()] || capital(words(id));
}

export function taskName(machine) {
  return TASKS[machine] || capital(words(machine));
}

/** A step in words: "askingOrigin" → "Asking for the origin", "tryingFix" → "Trying fix". */
export function stepName(step) {
  if (!step) return '';
  const m = /^asking(.+)$/.exec(step);
  if (m) return `Asking for the ${words(m[1])}`;
  if (/^awaiting/.test(step)) return `Waiting for the ${words(step.slice('awaiting'.length))}`;
  return capital(words(step));
}

export function slotName(key) {
  return capital(words(key));
}

/** A short, stable, readable code for a conversation id: four letters and digits without look-alikes. */
function code(id) {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let h = 2166136261;
  for (const ch of String(id)) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < 4; i++) {
    out += alphabet[h % alphabet.length];
    h = Math.floor(h / alphabet.length);
  }
  return out;
}

/** What to call a customer: the name they gave, else "<channel> customer <code>". */
export function customerName(name, id, channel) {
  if (name && String(name).trim()) return String(name).trim();
  return `${channelName(channel || String(id).split(':')[0])} customer ${code(id)}`;
}
