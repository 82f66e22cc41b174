/** The bot's own wording, in one place. Every reply carries channelData.support (DESIGN.md §3). */
import { MARKET_NAMES, MARKETS, type Choice, type Market, type Reply } from '../lib/types.js';
import type { Contact, FaqEntry, SourceDocument } from '../retrieval/knowledge-schema.js';
import type { Candidate } from '../retrieval/faq-index.js';

export const MENU: Choice[] = [
  { label: 'Reset my password', value: 'start password reset' },
  { label: 'No water coming out', value: 'start no water' },
  { label: 'Book a repair', value: 'start repair booking' },
  { label: 'Cancellation penalty', value: 'start cancellation penalty' },
  { label: 'Talk to a person', value: 'talk to a person' },
];

export const FEEDBACK_CHOICES: Choice[] = [
  { label: '👍 Yes', value: 'yes, that answered it' },
  { label: '👎 No', value: 'no, that did not help' },
];

export const MARKET_CHOICES: Choice[] = MARKETS.map((m) => ({ label: MARKET_NAMES[m], value: MARKET_NAMES[m] }));

export function contactLine(c: Contact): string {
  const note = c.phoneNote ? ` (${c.phoneNote})` : '';
  return `call ${c.phone}${note}, ${c.hours}`;
}

export function welcome(market?: Market): Reply {
  return {
    text:
      "Hi! I'm the Nespresso support assistant. Ask me about your account, orders, deliveries, returns, warranty and repairs, " +
      'or pick a guided task below. You can ask for a person at any time.',
    choices: MENU,
    support: { kind: 'system', market },
  };
}

export function help(market?: Market): Reply {
  return {
    text:
      'Type your question in your own words, or pick a task below. Commands that work at any time: ' +
      '"cancel" stops the current task, "start over" begins again, "talk to a person" reaches an agent, ' +
      '"change country" switches the market I answer for.',
    choices: MENU,
    support: { kind: 'system', market },
  };
}

export function askMarket(reason: 'depends' | 'change' | 'dialog'): Reply {
  const text =
    reason === 'change'
      ? 'Which country are you in?'
      : reason === 'dialog'
        ? 'The steps differ by country. Which country are you in?'
        : 'The answer depends on your country. Which country are you in?';
  return { text, choices: MARKET_CHOICES, support: { kind: 'clarify', step: 'askMarket' } };
}

export function marketSet(market: Market): Reply {
  return { text: `Thanks — I'll answer for ${MARKET_NAMES[market]}.`, support: { kind: 'system', market } };
}

const FEEDBACK_QUESTION = '\n\nDid this answer your question?';

/**
 * An FAQ answer with its source. `alternative`: another entry that scored almost as high; it is
 * offered as one more choice, so a near-tie decided the wrong way is one tap from the right answer.
 */
export function faqAnswer(
  entry: FaqEntry,
  score: number,
  market: Market | undefined,
  source: SourceDocument | undefined,
  unsureMarket: boolean,
  alternative?: FaqEntry,
): Reply {
  const scope = unsureMarket && entry.markets.length === 1 ? `For ${MARKET_NAMES[entry.markets[0]!]}: ` : '';
  const cite = source ? `\n\nSource: ${source.title} — ${entry.source.section}` : '';
  const other = alternative ? [{ label: `Or: ${alternative.question}`, value: alternative.question }] : [];
  return {
    text: `${scope}${entry.answer}${cite}${FEEDBACK_QUESTION}`,
    choices: [...(entry.followUps ?? []), ...other, ...FEEDBACK_CHOICES],
    support: {
      kind: 'faq',
      market: market ?? (entry.markets.length === 1 ? entry.markets[0] : undefined),
      faqId: entry.id,
      score,
      source: `${entry.source.document}#${entry.source.section}`,
    },
  };
}

/**
 * An FAQ answer given in the middle of a dialog (a digression): without "did this answer your question?" and its
 * buttons, since the customer's next "yes" answers the dialog's question that follows.
 */
export function withoutFeedback(answer: Reply): Reply {
  const text = answer.text.endsWith(FEEDBACK_QUESTION) ? answer.text.slice(0, -FEEDBACK_QUESTION.length) : answer.text;
  return { ...answer, text, choices: undefined };
}

export function clarify(options: Candidate[], market: Market | undefined): Reply {
  return {
    text: 'I want to be sure I answer the right question. Did you mean one of these?',
    choices: [...options.map((o) => ({ label: o.entry.question, value: o.entry.question })), { label: 'Something else', value: 'something else' }],
    support: { kind: 'clarify', market, score: options[0]?.score },
  };
}

export function abstain(contact: Contact | undefined, market: Market | undefined, second: boolean): Reply {
  const reach = contact ? ` You can also ${contactLine(contact)}.` : '';
  return {
    text: second
      ? `Sorry, I still can't find that in our support documents.${reach}`
      : `I'm not sure I can answer that from our support documents. Could you say it another way?${reach}`,
    choices: [
      { label: 'Talk to a person', value: 'talk to a person' },
      { label: 'Show the topics', value: 'help' },
    ],
    support: { kind: 'fallback', market },
  };
}

export function otherMarketOnly(entry: FaqEntry, market: Market, contact: Contact): Reply {
  const where = entry.markets.map((m) => MARKET_NAMES[m]).join(', ');
  return {
    text:
      `Our documents for ${MARKET_NAMES[market]} don't cover that (what I have on it applies to ${where} only), ` +
      `so I won't guess. Please ${contactLine(contact)}.`,
    choices: [
      { label: 'Talk to a person', value: 'talk to a person' },
      { label: 'Change country', value: 'change country' },
    ],
    support: { kind: 'fallback', market, faqId: entry.id, source: `${entry.source.document}#${entry.source.section}` },
  };
}

export function system(text: string, market?: Market, choices?: Choice[]): Reply {
  return { text, choices, support: { kind: 'system', market } };
}

export function smalltalk(text: string, market?: Market, choices?: Choice[]): Reply {
  return { text, choices, support: { kind: 'smalltalk', market } };
}
