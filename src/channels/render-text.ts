/**
 * The renderer shared by the LINE and WhatsApp edges: replies (text + choices) become a list of
 * channel-neutral messages that fit the channel's capability profile — text split on sentence
 * boundaries, choices as quick replies / buttons / a list where they fit, numbered text where
 * nothing else does. Pure, except ChoiceMemory, which remembers the last offered choices so a
 * typed number ("2") maps back to the second choice's value.
 */
import type { Lang } from '../conversation/lang.js';
import { CATALOGUES } from '../language/catalog/index.js';
import type { Choice, Reply } from '../lib/types.js';
import { keys, type Storage } from '../state/storage.js';
import type { ChannelCapabilities, ChoiceStyle } from './capabilities.js';

// ---------------------------------------------------------------------------------------------
// Splitting

/** Boundaries in order of preference; each regex's match end is a place to cut. */
const BOUNDARIES = [
  /\n[ \t]*\n\s*/g, // paragraph
  /[.!?…]+["'”’)\]]*\s+|[。！？]+[」』”’)]*\s*/g, // sentence end
  /\n\s*/g, // line
  /\s+/g, // word
];

function lastCut(text: string, max: number, re: RegExp, minChunk: number): number | undefined {
  const window = text.slice(0, max + 1);
  let best: number | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(window); m; m = re.exec(window)) {
    const end = m.index + m[0].length;
    const chunkLength = text.slice(0, end).trimEnd().length;
    if (chunkLength > max) break;
    if (chunkLength >= minChunk) best = end;
    if (m[0].length === 0) re.lastIndex++;
  }
  return best;
}

function hardCut(text: string, max: number): number {
  // Never cut a surrogate pair in two.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/**
 * Split text into chunks of at most `max` characters (UTF-16 units, which never undercounts),
 * preferring paragraph, then sentence, then line, then word boundaries in the second half of the
 * window, then anywhere, and cutting hard only inside one over-long word.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError('max must be at least 1');
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    let cut: number | undefined;
    for (const minChunk of [Math.floor(max / 2), 1]) {
      for (const re of BOUNDARIES) {
        cut = lastCut(rest, max, re, minChunk);
        if (cut !== undefined) break;
      }
      if (cut !== undefined) break;
    }
    cut ??= hardCut(rest, max);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length) chunks.push(rest);
  return chunks;
}

/**
 * Split so that every chunk fits `max` and the last one also fits `tailMax` (the text that travels
 * with interactive choices is shorter on WhatsApp): the last chunk gives up only what does not fit,
 * cut at the earliest good boundary, so the tail stays as long as allowed.
 */
export function splitWithTail(text: string, max: number, tailMax: number): string[] {
  const chunks = splitText(text, max);
  const last = chunks.pop() ?? '';
  if (last.length <= tailMax) return [...chunks, last];
  const start = last.length - tailMax;
  let cut: number | undefined;
  for (const re of BOUNDARIES) {
    re.lastIndex = 0;
    for (let m = re.exec(last); m; m = re.exec(last)) {
      const end = m.index + m[0].length;
      if (end >= start && end < last.length) {
        cut = end;
        break;
      }
    }
    if (cut !== undefined) break;
  }
  if (cut === undefined) {
    cut = start;
    const code = last.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut += 1; // keep a surrogate pair whole (in the head)
  }
  const head = last.slice(0, cut).trimEnd();
  const tail = last.slice(cut).trimStart();
  return [...chunks, ...(head ? [head] : []), tail];
}

// ---------------------------------------------------------------------------------------------
// Choices

export interface PlannedChoice {
  /** What the button shows (within the style's labelMax). */
  title: string;
  /** What the tap sends back: the choice's value. */
  payload: string;
  /** The full label (what the customer is shown as having said, where the platform shows that). */
  label: string;
  /** List rows: the full label when the title had to be shortened. */
  description?: string;
}

export type ChoicePlan =
  | { kind: 'none' }
  | { kind: 'numbered' }
  | { kind: ChoiceStyle['kind']; items: PlannedChoice[]; numberInText: boolean };

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  return `${s.slice(0, hardCut(s, max - 1)).trimEnd()}…`;
}

function fit(choices: Choice[], style: ChoiceStyle): PlannedChoice[] | { numbered: PlannedChoice[] } | undefined {
  if (choices.length > style.max) return undefined;
  const payloads = choices.map((c) => c.value);
  if (payloads.some((p) => p.length === 0 || p.length > style.valueMax) || new Set(payloads).size !== payloads.length) return undefined;
  const labels = choices.map((c) => oneLine(c.label) || c.value);
  if (labels.every((l) => l.length <= style.labelMax)) {
    if (new Set(labels).size !== labels.length) return undefined;
    return labels.map((title, i) => ({ title, payload: payloads[i]!, label: title }));
  }
  if (style.descriptionMax !== undefined && labels.every((l) => l.length <= style.descriptionMax!)) {
    const items = labels.map((l, i) => ({
      title: truncate(l, style.labelMax),
      payload: payloads[i]!,
      label: l,
      ...(l.length > style.labelMax ? { description: l } : {}),
    }));
    return items;
  }
  if (style.truncate) {
    return { numbered: labels.map((l, i) => ({ title: truncate(`${i + 1}. ${l}`, style.labelMax), payload: payloads[i]!, label: l })) };
  }
  return undefined;
}

/** The first of the channel's choice styles that can show these choices, else numbered text. */
export function planChoices(choices: Choice[] | undefined, caps: ChannelCapabilities): ChoicePlan {
  if (!choices?.length) return { kind: 'none' };
  for (const style of caps.choices) {
    const fitted = fit(choices, style);
    if (!fitted) continue;
    if (Array.isArray(fitted)) return { kind: style.kind, items: fitted, numberInText: false };
    return { kind: style.kind, items: fitted.numbered, numberInText: true };
  }
  return { kind: 'numbered' };
}

/** "Reply with a number to choose." in the reply's language. */
export function numberHint(lang: Lang = 'en'): string {
  return CATALOGUES[lang].numberHint;
}

/** "1. First\n2. Second" */
export function numberedList(choices: Choice[]): string {
  return choices.map((c, i) => `${i + 1}. ${oneLine(c.label) || c.value}`).join('\n');
}

/** A typed number ("2", " 2. ") in 1..count, else undefined. */
export function parseChoiceNumber(text: string, count: number): number | undefined {
  const m = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= count ? n : undefined;
}

// ---------------------------------------------------------------------------------------------
// Rendering

export type OutMessage =
  | { type: 'text'; text: string }
  | { type: 'choices'; kind: ChoiceStyle['kind']; text: string; items: PlannedChoice[] };

export interface Rendered {
  messages: OutMessage[];
  /** The choices the customer can answer by number now, or undefined when none are on offer. */
  offered?: Choice[];
}

/**
 * Replies → messages for one channel. On channels whose choices only show on the last message of a
 * batch (quick replies), only the last reply's choices are offered.
 */
export function renderReplies(replies: Reply[], caps: ChannelCapabilities): Rendered {
  const messages: OutMessage[] = [];
  let offered: Choice[] | undefined;
  const onlyLast = caps.choices.some((s) => s.kind === 'quickReplies');
  replies.forEach((reply, index) => {
    const choices = onlyLast && index !== replies.length - 1 ? undefined : reply.choices;
    const plan = planChoices(choices, caps);
    let body = reply.text.trim();
    if (plan.kind === 'none') {
      if (body) messages.push(...splitText(body, caps.maxTextLength).map((text) => ({ type: 'text' as const, text })));
      return;
    }
    offered = choices;
    if (plan.kind === 'numbered') {
      body = [body, numberedList(choices!), numberHint(reply.support.lang)].filter(Boolean).join('\n\n');
      messages.push(...splitText(body, caps.maxTextLength).map((text) => ({ type: 'text' as const, text })));
      return;
    }
    if (plan.numberInText) body = [body, numberedList(choices!)].filter(Boolean).join('\n\n');
    const chunks = splitWithTail(body || CATALOGUES[reply.support.lang ?? 'en'].pleaseChoose, caps.maxTextLength, caps.choiceTextMax);
    const tail = chunks.pop()!;
    messages.push(...chunks.map((text) => ({ type: 'text' as const, text })));
    messages.push({ type: 'choices', kind: plan.kind, text: tail, items: plan.items });
  });
  return { messages, offered };
}

/**
 * Group messages into API calls of at most `maxMessagesPerCall`. When there are too many, adjacent
 * text messages are merged first (shortest pair first) so that one turn usually fits one call.
 */
export function packMessages(messages: OutMessage[], caps: ChannelCapabilities): OutMessage[][] {
  const list = [...messages];
  const per = caps.maxMessagesPerCall;
  while (per > 1 && list.length > per) {
    let best = -1;
    let bestLength = Infinity;
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i]!;
      const b = list[i + 1]!;
      if (a.type !== 'text') continue;
      const length = a.text.length + 2 + b.text.length;
      const limit = b.type === 'text' ? caps.maxTextLength : caps.choiceTextMax;
      if (length <= limit && length < bestLength) {
        best = i;
        bestLength = length;
      }
    }
    if (best < 0) break;
    const a = list[best]!;
    const b = list[best + 1]!;
    list.splice(best, 2, { ...b, text: `${a.text}\n\n${b.text}` });
  }
  const calls: OutMessage[][] = [];
  for (let i = 0; i < list.length; i += per) calls.push(list.slice(i, i + per));
  return calls;
}

// ---------------------------------------------------------------------------------------------
// Choice memory

const CHOICES_TTL_MS = 24 * 3600_000;

/** The last choices offered in a conversation, so that a typed number maps back to a value. */
export class ChoiceMemory {
  constructor(private readonly storage: Storage) {}

  /** Storage key, in the conversation's hash slot (`{channelId:conversationId}`). */
  static key(conversationKey: string): string {
    return `${keys.prefix}choices:{${conversationKey}}`;
  }

  async remember(conversationKey: string, offered: Choice[] | undefined): Promise<void> {
    if (offered?.length) await this.storage.set(ChoiceMemory.key(conversationKey), offered, CHOICES_TTL_MS);
    else await this.storage.delete(ChoiceMemory.key(conversationKey));
  }

  /** The value of the choice the customer typed the number of, if the text is such a number. */
  async resolve(conversationKey: string, text: string): Promise<string | undefined> {
    if (!/^\s*\d{1,2}\s*[.)]?\s*$/.test(text)) return undefined;
    const offered = (await this.storage.get<Choice[]>(ChoiceMemory.key(conversationKey)))?.value;
    const n = offered ? parseChoiceNumber(text, offered.length) : undefined;
    return n ? offered![n - 1]!.value : undefined;
  }
}
