/**
 * Out of hours while queued for a person (issue 16, DESIGN.md §8): a burst of five different questions,
 * sent without waiting for the replies, gets five answers, and nothing the customer writes goes
 * unanswered — in each of the five languages, through the real service.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/language/catalog/index.js';
import { startService, support, type TestService } from '../helpers/service.js';
import { Customer } from './support.js';

/** Sunday 22 November 2026, 23:00 UTC: midnight in Paris (France's team opens Monday 08:00), 07:00 Monday in Taipei (opens 08:00). */
const CLOSED_EVERYWHERE = Date.parse('2026-11-22T23:00:00Z');

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.close();
  svc = undefined;
});

async function start(): Promise<TestService> {
  const offset = CLOSED_EVERYWHERE - Date.now();
  svc = await startService({ AGENT_TOKEN: 'out-of-hours-burst' }, { now: () => Date.now() + offset, defaultMetrics: false });
  return svc;
}

const FR_ENTRIES = ['fr-whatsapp-ambassador', 'fr-supported-brands', 'fr-warranty-period', 'fr-warranty-exclusions', 'fr-repair-warranty'];
const TW_ENTRIES = ['tw-promotions', 'tw-line-facebook', 'tw-supermarkets', 'tw-repair-duration', 'tw-repair-warranty'];

const CASES = [
  { lang: 'en', locale: 'en-FR', market: 'FR', entries: FR_ENTRIES, nonsense: 'what is the weather on mars' },
  { lang: 'fr', locale: 'fr-FR', market: 'FR', entries: FR_ENTRIES, nonsense: 'quel temps fait-il sur mars' },
  { lang: 'ko', locale: 'ko-FR', market: 'FR', entries: FR_ENTRIES, nonsense: '화성 날씨는 어때요' },
  { lang: 'pt', locale: 'pt-FR', market: 'FR', entries: FR_ENTRIES, nonsense: 'como está o tempo em marte' },
  { lang: 'zh-TW', locale: 'zh-TW', market: 'TW', entries: TW_ENTRIES, nonsense: '火星上的天氣如何' },
] as const;

describe.each(CASES)('out of hours while queued, in $lang ($market)', (c) => {
  it('a burst of five different questions gets five answers; what the bot cannot answer is acknowledged for the person', async () => {
    const s = await start();
    const words = CATALOGUES[c.lang];
    const customer = new Customer(s, { locale: c.locale });
    const [queued] = await customer.say('cmd:agent');
    expect(support(queued)).toMatchObject({ kind: 'handoff', lang: c.lang, market: c.market });
    expect(queued?.text).toContain(words['handoff.leaveMessage']);

    const questions = c.entries.map((id) => {
      const entry = s.app.knowledge.byId.get(id);
      if (!entry) throw new Error(`no FAQ entry ${id}`);
      return { id, text: s.app.knowledge.localized(entry, c.lang).question };
    });
    // Sent at once, as a customer typing fast would: each waits its turn on the conversation's lock, and its
    // replies come back with it (deliveryMode expectReplies), so each answer is matched to its question.
    const burst = await Promise.all(questions.map(async (q) => (await customer.sayExpectReplies(q.text)).filter((a) => a.type === 'message')));
    for (const [i, replies] of burst.entries()) {
      const answer = replies.find((r) => support(r)?.kind === 'faq');
      expect(answer, `no answer to "${questions[i]!.text}": ${replies.map((r) => r.text).join(' | ')}`).toBeDefined();
      expect(support(answer)).toMatchObject({ faqId: questions[i]!.id, lang: c.lang, market: c.market });
    }
    // The first message of the wait says it is kept for the team, once.
    const kept = burst.flat().filter((r) => r.text === words['handoff.savedAfterHours']);
    expect(kept).toHaveLength(1);

    const [unknown, ...rest] = await customer.say(c.nonsense);
    expect(rest).toEqual([]);
    expect(unknown?.text).toBe(words['handoff.noAnswerQueued']);
    expect(support(unknown)?.lang).toBe(c.lang);
  });
});
