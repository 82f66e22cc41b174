/**
 * Property-based fuzzing of the edges: random and mutated activities and bodies never produce a
 * 5xx, never crash the process, and leave state loadable (a normal turn still works afterwards).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotConversation, startService, type TestService } from '../helpers/service.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startService({ RATE_LIMIT_PER_CONVERSATION: '0' });
});
afterAll(async () => {
  await svc.close();
});

const anyJson = fc.jsonValue({ maxDepth: 3 });
const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e\u200b', '🤖'.repeat(500), 'a'.repeat(12_000), 'R-ABC123', 'talk to a person', 'cancel', 'France'),
);
const activityType = fc.constantFrom('message', 'conversationUpdate', 'event', 'typing', 'invoke', 'endOfConversation', 'messageReaction', 'bogus', '');

async function postRaw(body: string): Promise<number> {
  const res = await fetch(`${svc.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await res.arrayBuffer();
  return res.status;
}

describe('fuzzing /api/messages', () => {
  it('random activities never get a 5xx', async () => {
    const c = new BotConversation(svc);
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            type: activityType,
            text,
            value: anyJson,
            locale: fc.oneof(fc.constantFrom('fr-FR', 'zh-TW', 'ko-KR', 'pt-PT', 'xx', ''), fc.string({ maxLength: 20 })),
            channelData: anyJson,
            membersAdded: fc.array(fc.record({ id: fc.string({ maxLength: 10 }) }), { maxLength: 3 }),
            name: fc.string({ maxLength: 30 }),
          },
          { requiredKeys: ['type'] },
        ),
        async (partial) => {
          const status = await postRaw(JSON.stringify(c.activity(partial)));
          expect(status).toBeLessThan(500);
        },
      ),
      { numRuns: 120 },
    );
  }, 120_000);

  it('mutated activities (missing, wrong-typed or junk fields) and junk bodies never get a 5xx', async () => {
    const c = new BotConversation(svc);
    const base = c.activity({ text: 'how long is the warranty' });
    const fields = Object.keys(base);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...fields), fc.oneof(anyJson, fc.constant(undefined))), { minLength: 1, maxLength: 4 }),
        fc.oneof(fc.constant(null), fc.string({ maxLength: 50 }), fc.uint8Array({ maxLength: 64 })),
        async (mutations, junk) => {
          const mutated: Record<string, unknown> = { ...base, id: `${base.id}-${Math.random()}` };
          for (const [k, v] of mutations) mutated[k] = v;
          expect(await postRaw(JSON.stringify(mutated))).toBeLessThan(500);
          const body = junk === null ? 'null' : typeof junk === 'string' ? junk : Buffer.from(junk).toString('latin1');
          expect(await postRaw(body)).toBeLessThan(500);
        },
      ),
      { numRuns: 120 },
    );
  }, 120_000);

  it('the service is still healthy and conversations still work afterwards', async () => {
    expect((await fetch(`${svc.url}/readyz`)).status).toBe(200);
    const c = new BotConversation(svc, { locale: 'fr-FR' });
    const replies = await c.say('help');
    expect(replies.length).toBeGreaterThan(0);
  });
});
