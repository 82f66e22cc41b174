/**
 * The bot's replies outside the guided tasks, as data: message keys with parameters, worded by the
 * renderer in the conversation's language. Every reply carries channelData.support (DESIGN.md §3).
 */
import { LANGS } from '../conversation/lang.js';
import { MENU } from '../language/menu.js';
import { msg, type Msg } from '../language/message.js';
import type { ChoiceData, ReplyData } from '../language/render.js';
import { MARKETS, type Market } from '../lib/types.js';
import type { FaqEntry } from '../retrieval/knowledge-schema.js';
import type { Candidate } from '../retrieval/faq-index.js';

export type { ReplyData };

export { MENU };

export const FEEDBACK_CHOICES: ChoiceData[] = [
  { label: msg('label.yesHelped'), value: 'yes' },
  { label: msg('label.noHelped'), value: 'no' },
];

export const MARKET_CHOICES: ChoiceData[] = MARKETS.map((m) => ({ label: msg(`market.${m}`), value: `market:${m}` }));
export const LANG_CHOICES: ChoiceData[] = LANGS.map((l) => ({ label: msg(`lang.${l}`), value: `lang:${l}` }));

const PERSON: ChoiceData = { label: msg('label.person'), value: 'cmd:agent' };
/** "Talk to a person", as a button. */
export const PERSON_CHOICE = PERSON;

export function welcome(market?: Market): ReplyData {
  return { text: msg('welcome'), choices: MENU, support: { kind: 'system', market } };
}

export function help(market?: Market): ReplyData {
  return { text: msg('help'), choices: [...MENU, ...LANG_CHOICES], support: { kind: 'system', market } };
}

export function askMarket(reason: 'depends' | 'change' | 'dialog'): ReplyData {
  return { text: msg(`askMarket.${reason}`), choices: MARKET_CHOICES, support: { kind: 'clarify', step: 'askMarket' } };
}

export function marketSet(market: Market): ReplyData {
  return { text: msg('marketSet', { market: { market } }), support: { kind: 'system', market } };
}

/** The language chosen; the menu again in that language, unless a task's question follows. */
export function langSet(market: Market | undefined, withMenu: boolean): ReplyData {
  return { text: msg('langSet'), choices: withMenu ? MENU : undefined, support: { kind: 'system', market } };
}

export function askLanguage(market?: Market): ReplyData {
  return { text: msg('help'), choices: LANG_CHOICES, support: { kind: 'system', market } };
}

/**
 * An FAQ answer with its source, in the conversation's language. `alternative`: another entry that
 * scored almost as high; it is offered as one more choice, so a near-tie decided the wrong way is one
 * tap from the right answer. `feedback: false` in the middle of a task (a digression), since the
 * customer's next "yes" answers the task's question that follows.
 */
export function faqAnswer(
  entry: FaqEntry,
  score: number,
  market: Market | undefined,
  unsureMarket: boolean,
  alternative?: FaqEntry,
  feedback = true,
): ReplyData {
  const answer = msg('faq.answer', { answer: { faq: entry.id, field: 'answer' } });
  const scope = unsureMarket && entry.markets.length === 1 ? [msg('faq.scopedAnswer', { market: { market: entry.markets[0]! }, answer })] : [answer];
  const cite = msg('faq.source', { title: { faq: entry.id, field: 'sourceTitle' }, section: { faq: entry.id, field: 'section' } });
  const other: ChoiceData[] = alternative ? [{ label: msg('faq.or', { question: { faq: alternative.id, field: 'question' } }), value: `faq:${alternative.id}` }] : [];
  const support = {
    kind: 'faq' as const,
    market: market ?? (entry.markets.length === 1 ? entry.markets[0] : undefined),
    faqId: entry.id,
    score,
    source: `${entry.source.document}#${entry.source.section}`,
  };
  if (!feedback) return { text: [...scope, cite], support };
  return {
    text: [...scope, cite, msg('faq.feedback')],
    choices: [...(entry.followUps ?? []).flatMap(followUp), ...other, ...FEEDBACK_CHOICES],
    support,
  };
}

/**
 * A "did you mean" with one plausible candidate: its answer, said as a guess, and whether that
 * helped (yes/no buttons whose values the feedback step reads, so "no" offers a person).
 */
export function tentativeAnswer(entry: FaqEntry, score: number, market: Market): ReplyData {
  const reply = faqAnswer(entry, score, market, false, undefined, false);
  const text = Array.isArray(reply.text) ? reply.text : [reply.text as Msg];
  return {
    ...reply,
    text: [msg('ans.faq.tentative'), ...text, msg('ans.faq.helped')],
    choices: [
      ...(entry.followUps ?? []).flatMap(followUp),
      { label: msg('ans.label.helped'), value: 'yes' },
      { label: msg('ans.label.notHelped'), value: 'no' },
    ],
  };
}

/** An entry's follow-up ("start repair booking") as the menu's button for that task, worded in the customer's language. */
function followUp(f: { value: string }): ChoiceData[] {
  const task = MENU.find((c) => c.value === `task:${TASK_OF[f.value.trim().toLowerCase()] ?? ''}`);
  return task ? [task] : [];
}

/** The task an entry's follow-up starts ("start no water" → noWater), if any. */
export function followUpTask(value: string): string | undefined {
  return TASK_OF[value.trim().toLowerCase()];
}

const TASK_OF: Record<string, string> = {
  'start password reset': 'passwordReset',
  'start no water': 'noWater',
  'start repair booking': 'repairBooking',
  'start cancellation penalty': 'cancellationPenalty',
};

export function clarify(options: Candidate[], market: Market | undefined): ReplyData {
  return {
    text: msg('clarify'),
    choices: [
      ...options.map((o) => ({ label: msg('faq.question', { question: { faq: o.entry.id, field: 'question' } }), value: `faq:${o.entry.id}` })),
      { label: msg('label.somethingElse'), value: 'cmd:somethingElse' },
    ],
    support: { kind: 'clarify', market, score: options[0]?.score },
  };
}

/** `outOfScope`: the message is one of the questions our documents do not answer: saying it another way will not help. */
export function abstain(market: Market | undefined, second: boolean, outOfScope = false): ReplyData {
  const first = outOfScope ? msg('abstain.outOfScope', { topics: msg('label.topics') }) : msg('abstain.first');
  const sentences: Msg[] = [second ? msg('abstain.second') : first];
  if (market) sentences.push(msg('abstain.reach', { contact: { contact: market } }));
  if (second) sentences.push(msg('abstain.offerPerson'));
  return { text: { sentences }, choices: [PERSON, { label: msg('label.topics'), value: 'cmd:help' }], support: { kind: 'fallback', market } };
}

/** After the answers to a message's other questions: the questions retrieval could not answer, with the market's contact. */
export function notAnswered(questions: string[], market: Market | undefined): ReplyData {
  const sentences: Msg[] = questions.map((question) => msg('abstain.part', { question: question.length > 120 ? `${question.slice(0, 119)}…` : question }));
  if (market) sentences.push(msg('abstain.reach', { contact: { contact: market } }));
  return { text: { sentences }, choices: [PERSON, { label: msg('label.topics'), value: 'cmd:help' }], support: { kind: 'fallback', market } };
}

/** An offer of a person, with a way to carry on with the assistant. */
export function offerPerson(text: Msg, market: Market | undefined): ReplyData {
  return { text, choices: [PERSON, { label: msg('label.topics'), value: 'cmd:help' }], support: { kind: 'fallback', market } };
}

export function otherMarketOnly(entry: FaqEntry, market: Market): ReplyData {
  return {
    text: msg('otherMarketOnly', {
      market: { market },
      where: { list: entry.markets.map((m) => ({ market: m })) },
      contact: { contact: market },
    }),
    choices: [PERSON, { label: msg('label.changeCountry'), value: 'cmd:changeCountry' }],
    support: { kind: 'fallback', market, faqId: entry.id, source: `${entry.source.document}#${entry.source.section}` },
  };
}

export function system(text: Msg | Msg[], market?: Market, choices?: ChoiceData[]): ReplyData {
  return { text, choices, support: { kind: 'system', market } };
}

export function smalltalk(text: Msg, market?: Market, choices?: ChoiceData[]): ReplyData {
  return { text, choices, support: { kind: 'smalltalk', market } };
}
