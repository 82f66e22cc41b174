/** The hand-off record: transitions, compare-and-set between concurrent agents, the queue order. */
import { describe, expect, it } from 'vitest';
import { RECORD_VERSION, transition, type HandoffRecord } from '../../src/handoff/record.js';
import { HandoffStore } from '../../src/handoff/store.js';
import { MemoryStorage } from '../../src/state/memory.js';

function record(id: string, queuedAt: number): HandoffRecord {
  return {
    v: RECORD_VERSION,
    id,
    status: 'queued',
    reason: 'customer-request',
    channelId: 'emulator',
    afterHours: false,
    queuedAt,
    packet: {
      conversationId: id,
      channel: 'emulator',
      reason: 'customer-request',
      reasonText: 'The customer asked for a person.',
      customer: { userId: 'u' },
      faqCandidates: [],
      bookings: [],
      afterHours: false,
    },
  };
}

describe('transition', () => {
  it('queued → withAgent → ended, and nothing else', () => {
    const q = record('c1', 1);
    const accepted = transition(q, { type: 'agent.accepted', agent: 'Ana', at: 2 });
    expect(accepted).toMatchObject({ ok: true, next: { status: 'withAgent', agent: 'Ana', acceptedAt: 2 } });
    const next = accepted.ok ? accepted.next : q;
    expect(transition(next, { type: 'agent.accepted', agent: 'Bo', at: 3 })).toMatchObject({ ok: false, status: 409 });
    expect(transition(next, { type: 'customer.left', at: 3 })).toMatchObject({ ok: false, status: 409 });
    const ended = transition(next, { type: 'agent.ended', note: 'refund sent', at: 4 });
    expect(ended).toMatchObject({ ok: true, next: { status: 'ended', endedBy: 'agent', note: 'refund sent' } });
    expect(transition(ended.ok ? ended.next : q, { type: 'agent.ended', at: 5 })).toMatchObject({ ok: false, status: 409 });
    expect(transition(undefined, { type: 'agent.accepted', agent: 'Ana', at: 1 })).toMatchObject({ ok: false, status: 404 });
  });

  it('a channel hub can accept and complete a hand-off', () => {
    const accepted = transition(record('c1', 1), { type: 'hub.status', state: 'accepted', at: 2 });
    expect(accepted).toMatchObject({ ok: true, next: { status: 'withAgent' } });
    expect(transition(accepted.ok ? accepted.next : undefined, { type: 'hub.status', state: 'completed', at: 3 })).toMatchObject({
      ok: true,
      next: { status: 'ended', endedBy: 'channel' },
    });
  });
});

describe('HandoffStore', () => {
  it('lets exactly one of many concurrent accepts win', async () => {
    const store = new HandoffStore(new MemoryStorage(), 60_000);
    await store.open(record('c1', 1));
    const results = await Promise.all(['A', 'B', 'C', 'D'].map((agent) => store.apply('c1', { type: 'agent.accepted', agent, at: 2 })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.status)).toEqual([409, 409, 409]);
    const winner = results.find((r) => r.ok);
    expect((await store.get('c1'))?.agent).toBe(winner?.ok && winner.next.agent);
  });

  it('keeps the queue in queued order with places, and moves accepted and ended conversations out', async () => {
    const store = new HandoffStore(new MemoryStorage(), 60_000);
    await store.open(record('late', 30));
    await store.open(record('early', 10));
    await store.open(record('middle', 20));
    expect((await store.waiting()).map((r) => r.id)).toEqual(['early', 'middle', 'late']);
    expect(await store.position('late')).toBe(3);

    await store.apply('early', { type: 'agent.accepted', agent: 'Ana', at: 40 });
    expect(await store.position('late')).toBe(2);
    expect((await store.withAgents()).map((r) => r.id)).toEqual(['early']);

    await store.apply('middle', { type: 'customer.left', at: 41 });
    await store.apply('early', { type: 'agent.ended', at: 42 });
    expect((await store.waiting()).map((r) => r.id)).toEqual(['late']);
    expect(await store.withAgents()).toEqual([]);
    expect(await store.position('late')).toBe(1);
  });

  it('places are per market: a Korean customer does not wait behind a Taiwanese one', async () => {
    const store = new HandoffStore(new MemoryStorage(), 60_000);
    await store.open({ ...record('tw1', 10), market: 'TW' });
    await store.open({ ...record('tw2', 20), market: 'TW' });
    await store.open({ ...record('kr1', 30), market: 'KR' });
    expect((await store.waiting()).map((r) => r.id)).toEqual(['tw1', 'tw2', 'kr1']); // agents see everyone, oldest first
    expect(await store.position('kr1')).toBe(1);
    expect(await store.position('tw2')).toBe(2);
  });

  it('a second request while one is open keeps the first place', async () => {
    const store = new HandoffStore(new MemoryStorage(), 60_000);
    expect((await store.open(record('c1', 10))).created).toBe(true);
    const again = await store.open(record('c1', 99));
    expect(again).toMatchObject({ created: false, record: { queuedAt: 10 } });
    await store.apply('c1', { type: 'agent.ended', at: 100 });
    expect((await store.open(record('c1', 200))).created).toBe(true); // a new hand-off after the last one ended
    expect(await store.position('c1')).toBe(1);
  });
});
