/** The routing runner reads the outcome of a first message from the replies and scores it against the label. */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { classify, isRight, loadRoutingSet, runRouting, type RoutingItem } from '../../src/tools/routing-eval.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/routing/mixed.json', import.meta.url));

describe('classify', () => {
  it('reads each kind of reply', () => {
    expect(classify([{ support: { kind: 'dialog', dialog: 'repairBooking', step: 'result', task: 'warranty' } }])).toEqual({ kind: 'oneshot', task: 'warranty' });
    expect(classify([{ support: { kind: 'dialog', dialog: 'noWater', step: 'askingModel' } }])).toEqual({ kind: 'task', task: 'noWater', step: 'askingModel' });
    expect(classify([{ support: { kind: 'faq', faqId: 'tw-forgot-password' } }])).toEqual({ kind: 'answer', faqId: 'tw-forgot-password' });
    // The market's documents are silent: said, with the market's contact — an answer, not a form.
    expect(classify([{ support: { kind: 'fallback', faqId: 'fr-subscription-cancel' } }])).toEqual({ kind: 'answer', faqId: 'fr-subscription-cancel' });
    expect(classify([{ support: { kind: 'fallback' } }])).toEqual({ kind: 'fallback' });
    expect(classify([{ support: { kind: 'clarify' } }])).toEqual({ kind: 'clarify' });
    expect(classify([{ support: { kind: 'clarify', step: 'askMarket' } }])).toEqual({ kind: 'askMarket' });
    expect(classify([{ support: { kind: 'smalltalk' } }])).toEqual({ kind: 'other' });
  });

  it('a digression answered inside a task is still the task', () => {
    expect(classify([{ support: { kind: 'faq', faqId: 'x' } }, { support: { kind: 'dialog', dialog: 'repairBooking' } }])).toMatchObject({ kind: 'task', task: 'repairBooking' });
  });
});

describe('isRight', () => {
  const answer: RoutingItem = { id: 'a', lang: 'en', market: 'FR', text: 't', expect: 'answer' };
  const task: RoutingItem = { id: 'b', lang: 'en', market: 'FR', text: 't', expect: 'task', task: 'noWater' };
  const oneshot: RoutingItem = { id: 'c', lang: 'en', market: 'FR', text: 't', expect: 'oneshot', task: 'warranty' };

  it('a question is right when answered or given the facts at once, never when a form starts', () => {
    expect(isRight(answer, { kind: 'answer' })).toBe(true);
    expect(isRight(answer, { kind: 'oneshot', task: 'warranty' })).toBe(true);
    expect(isRight(answer, { kind: 'task', task: 'noWater' })).toBe(false);
    expect(isRight(answer, { kind: 'clarify' })).toBe(false);
  });

  it('a request must start its own task; a one-shot must get its own result', () => {
    expect(isRight(task, { kind: 'task', task: 'noWater' })).toBe(true);
    expect(isRight(task, { kind: 'task', task: 'repairBooking' })).toBe(false);
    expect(isRight(task, { kind: 'answer' })).toBe(false);
    expect(isRight(oneshot, { kind: 'oneshot', task: 'warranty' })).toBe(true);
    expect(isRight(oneshot, { kind: 'oneshot', task: 'krRepairPrice' })).toBe(false);
    expect(isRight(oneshot, { kind: 'task', task: 'repairBooking' })).toBe(false);
  });
});

describe('runRouting on a fixture, through the real router', () => {
  it('runs each message as a fresh conversation and reports right, per expectation, and the misses', async () => {
    const items = loadRoutingSet(FIXTURE);
    const r = await runRouting(items);
    const got = Object.fromEntries(r.runs.map((x) => [x.item.id, x.outcome.kind === 'answer' ? 'answer' : `${x.outcome.kind}${'task' in x.outcome ? ` ${x.outcome.task}` : ''}`]));
    expect(got).toEqual({
      'fx-001': 'answer',
      'fx-002': 'task repairBooking',
      'fx-003': 'oneshot cancellationPenalty',
      'fx-004': 'oneshot krRepairPrice',
      // Labelled "answer" in the fixture on purpose: a problem stated starts its task, so this is a miss.
      'fx-005': 'task noWater',
      // Nonsense is not answered: also a miss.
      'fx-006': 'fallback',
    });
    expect(r.total).toBe(6);
    expect(r.right).toBe(4);
    expect(r.byExpect).toEqual({ answer: { right: 1, total: 3 }, task: { right: 1, total: 1 }, oneshot: { right: 2, total: 2 } });
    expect(r.misses.map((m) => m.item.id)).toEqual(['fx-005', 'fx-006']);
  });

  it('a set that breaks the format is refused with its path', () => {
    const file = fileURLToPath(new URL('../fixtures/routing/invalid.json', import.meta.url));
    expect(() => loadRoutingSet(file)).toThrow(/invalid\.json is invalid/);
  });
});
