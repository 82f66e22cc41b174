/**
 * What the simulated customers say. FAQ: the phrasings of knowledge/faq/*.json, each conversation
 * in one market (its locale), cycling through that market's questions; the help command when no
 * FAQ file is there. Dialog: "book a repair", then an answer to each step the bot asks, over and
 * until the booking is saved. Each simulated customer then leaves and a new conversation starts,
 * so no conversation goes past the service's per-conversation rate limit (30 messages a minute by
 * default): a customer typing 20 messages a second is not a load pattern, it is abuse.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReplyActivity } from './capture.js';

export type ScenarioName = 'echo' | 'faq' | 'dialog';

export const LOCALE: Record<string, string> = { TW: 'zh-TW', FR: 'fr-FR', PT: 'pt-PT', KR: 'ko-KR' };
const FAQ_DIR = fileURLToPath(new URL('../../knowledge/faq', import.meta.url));

export interface Question {
  text: string;
  market: string;
}

/** Phrasings from the FAQ files (tolerant: a file being written is skipped). */
export function loadQuestions(dir: string = FAQ_DIR): Question[] {
  const out: Question[] = [];
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  for (const f of files) {
    try {
      const entries = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Array<{ markets?: string[]; phrasings?: string[] }>;
      for (const e of entries) {
        const market = e.markets?.[0];
        if (!market || !LOCALE[market]) continue;
        for (const p of e.phrasings ?? []) out.push({ text: p, market });
      }
    } catch {
      /* half-written file: skip */
    }
  }
  return out;
}

export interface Driver {
  readonly locale?: string;
  /** The next message, given the replies to the previous one (undefined before the first); undefined: this customer is done. */
  next(replies: ReplyActivity[] | undefined): string | undefined;
}

/** Questions per FAQ conversation, and the most turns any conversation gets (both under the rate limit). */
export const FAQ_TURNS_PER_CONVERSATION = 12;
export const MAX_TURNS_PER_CONVERSATION = 24;

export interface DriverStats {
  bookingsCompleted: number;
  stuckSteps: number;
  leftDialog: number;
}

/** FAQ turns: one market per conversation, its questions in turn (answerable ones: see questions.ts). */
export function faqDriverFactory(questions: Question[]): (index: number) => Driver {
  if (questions.length === 0) {
    return () => {
      let n = 0;
      return { locale: 'fr-FR', next: () => (n++ < FAQ_TURNS_PER_CONVERSATION ? 'help' : undefined) };
    };
  }
  const markets = [...new Set(questions.map((q) => q.market))].sort();
  const byMarket = new Map(markets.map((m) => [m, questions.filter((q) => q.market === m)]));
  return (index) => {
    const market = markets[index % markets.length]!;
    const list = byMarket.get(market)!;
    let i = Math.floor(index / markets.length) * 7;
    let n = 0;
    return { locale: LOCALE[market], next: () => (n++ < FAQ_TURNS_PER_CONVERSATION ? list[i++ % list.length]!.text : undefined) };
  };
}

/** Answers by what the step asks (its name first, then its text); alternatives when re-prompted. */
const ANSWERS: Array<[RegExp, string[]]> = [
  [/e-?mail/, ['marie.dupont@example.com']],
  [/phone|mobile|telephone/, ['06 12 34 56 78', '+33 6 12 34 56 78']],
  [/address/, ['12 rue de la Paix, 75002 Paris']],
  [/name/, ['Marie Dupont']],
  [/date|when|bought|purchas/, ['15 March 2024', '2024-03-15', 'last year']],
  [/model|machine/, ['Essenza Mini', 'CitiZ', 'Pixie']],
  [/proof|receipt|invoice/, ['yes']],
  [/regist/, ['yes']],
  [/confirm|summary|correct|right/, ['yes']],
];
const AVOID = /person|agent|human|cancel|no thanks|another|other|not listed|don't know/i;
const REFERENCE = /\bR-[A-Z0-9]{6}\b/;

function answerFor(step: string, text: string, attempt: number): string {
  for (const hay of [step.toLowerCase(), text.toLowerCase()]) {
    for (const [re, answers] of ANSWERS) if (re.test(hay)) return answers[attempt % answers.length]!;
  }
  return 'yes';
}

/** Repair booking turns: start, answer each step until the booking reference comes back. */
export function dialogDriverFactory(stats: DriverStats): (index: number) => Driver {
  return () => {
    let lastStep = '';
    let repeats = 0;
    let turns = 0;
    let leaving = false;
    const start = 'book a repair';
    return {
      locale: 'fr-FR',
      next(replies) {
        if (turns++ >= MAX_TURNS_PER_CONVERSATION || leaving) return undefined;
        if (!replies) return start;
        const last = replies[replies.length - 1];
        const support = last?.channelData?.support;
        if (replies.some((r) => REFERENCE.test(r.text ?? ''))) {
          stats.bookingsCompleted += 1;
          return undefined;
        }
        if (support?.kind !== 'dialog' || !support.step) {
          stats.leftDialog += 1;
          lastStep = '';
          return start;
        }
        repeats = support.step === lastStep ? repeats + 1 : 0;
        lastStep = support.step;
        if (repeats >= 3) {
          stats.stuckSteps += 1;
          leaving = true;
          return 'cancel';
        }
        const actions = last?.suggestedActions?.actions ?? [];
        if (actions.length) {
          const ok = actions.filter((a) => !AVOID.test(`${a.title ?? ''} ${a.value ?? ''}`));
          const yes = ok.find((a) => /^(yes|confirm)/i.test(a.value ?? a.title ?? ''));
          const pick = yes ?? ok[repeats % Math.max(ok.length, 1)] ?? actions[0]!;
          return pick.value ?? pick.title ?? 'yes';
        }
        return answerFor(support.step, last?.text ?? '', repeats);
      },
    };
  };
}

/** Replies that mean the turn failed even though HTTP said 200 (onTurnError's apologies). */
export const APOLOGY = /something went wrong|still working on your previous message|trouble reaching my memory/i;
/** The per-conversation rate limit answered: the load pattern is wrong, or the limiter is. */
export const RATE_LIMITED = /faster than I can read/i;
