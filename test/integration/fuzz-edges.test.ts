/**
 * Property-based fuzzing of every other HTTP edge (the /api/messages one is in fuzz.test.ts):
 * Direct Line (tokens, conversations, activities, watermarks), the LINE and WhatsApp webhooks
 * (signed and unsigned, plus WhatsApp's GET handshake) and the agent API. Random and mutated bodies
 * (fields removed or replaced by random JSON, junk strings, non-JSON bytes, huge strings), random
 * ids, query strings and tokens: never a 5xx, no turn of a webhook channel fails in the background,
 * the process keeps serving (/healthz) and state stays loadable (afterwards a normal conversation
 * on that edge still gets its answer; /readyz). Every channel is configured, so no 503 applies.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LINE_SECRET,
  LINE_TOKEN,
  WA_APP_SECRET,
  WA_PHONE_ID,
  WA_TOKEN,
  WA_VERIFY_TOKEN,
  line,
  lineMessages,
  startFakeLine,
  startFakeWhatsApp,
  wa,
  whatsappMessages,
  type FakePlatform,
} from '../helpers/fake-platforms.js';
import { BotConversation, startService, type TestService } from '../helpers/service.js';
import { FIXTURE_KNOWLEDGE } from '../channels/support.js';
import { activities, call, openStream, say, startConversation, type Started } from '../directline/client.js';
import { AgentClient } from '../handoff/agent-client.js';

const DL_SECRET = 'fuzz-directline-secret-0123456789';
const AGENT_TOKEN = 'fuzz-agent-token';
const TIMEOUT = 120_000;

let svc: TestService;
let fakeLine: FakePlatform;
let fakeWa: FakePlatform;
/** Error-level log lines (turns that failed in the background show up here, not as a status). */
const errors: Array<Record<string, any>> = [];

beforeAll(async () => {
  fakeLine = await startFakeLine();
  fakeWa = await startFakeWhatsApp();
  const logger = pino(
    { level: 'error' },
    new Writable({
      write(chunk, _enc, cb) {
        for (const l of String(chunk).split('\n')) if (l.trim()) errors.push(JSON.parse(l));
        cb();
      },
    }),
  );
  svc = await startService(
    {
      RATE_LIMIT_PER_CONVERSATION: '0',
      RATE_LIMIT_PER_ADDRESS: '0',
      DIRECTLINE_SECRET: DL_SECRET,
      AGENT_TOKEN,
      LINE_CHANNEL_SECRET: LINE_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN,
      LINE_API_BASE_URL: fakeLine.url,
      WHATSAPP_VERIFY_TOKEN: WA_VERIFY_TOKEN,
      WHATSAPP_APP_SECRET: WA_APP_SECRET,
      WHATSAPP_ACCESS_TOKEN: WA_TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: WA_PHONE_ID,
      WHATSAPP_API_BASE_URL: fakeWa.url,
    },
    { knowledgeDir: FIXTURE_KNOWLEDGE, defaultMetrics: false, logger },
  );
});
afterAll(async () => {
  await svc?.close();
  await fakeLine?.close();
  await fakeWa?.close();
});

// ---------------------------------------------------------------------------------------------
// Arbitraries

const anyJson = fc.jsonValue({ maxDepth: 3 });
const HUGE = 'x'.repeat(300_000); // over MAX_BODY_BYTES (256 KiB)
const junkText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e\u200b', '\ud800', '🤖'.repeat(500), 'a'.repeat(12_000), '__proto__', 'constructor', 'toString', 'talk to a person', 'cancel', 'start repair booking', '1', 'France'),
);
/** Characters a header value may hold (no CR, LF, NUL or DEL; at most U+00FF). */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 80 });

/** Mostly `usual`, now and then `odd`: deep enough paths get exercised, odd values still show up. */
const mostly = <T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.oneof({ weight: 4, arbitrary: usual }, { weight: 1, arbitrary: odd });

type Op = { kind: 'delete' } | { kind: 'set'; value: unknown } | { kind: 'add'; key: string; value: unknown };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: anyJson.map((value): Op => ({ kind: 'set', value })) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'delete' }) },
  { weight: 2, arbitrary: junkText.map((value): Op => ({ kind: 'set', value })) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, -1, 0, 1.5, 1e308, -1e308, true, [], {}, [null], { a: {} }).map((value): Op => ({ kind: 'set', value })) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'set', value: 'y'.repeat(40_000) }) },
  { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype')), anyJson).map(([key, value]): Op => ({ kind: 'add', key, value })) },
);

type Path = Array<string | number>;
/** Every path into a JSON value, the root ([]) included. */
function pathsOf(v: unknown, prefix: Path = [], out: Path[] = [[]]): Path[] {
  if (v && typeof v === 'object') {
    for (const [k, child] of Object.entries(v)) {
      const p = [...prefix, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      pathsOf(child, p, out);
    }
  }
  return out;
}

/** Apply mutations to a copy of `base`; paths that no longer exist are skipped. */
function mutate(base: unknown, mutations: Array<[Path, Op]>): unknown {
  let root: unknown = structuredClone(base);
  for (const [path, op] of mutations) {
    // Values are copied: generated values (constants above all) are shared between runs and must not be mutated or aliased.
    const m = structuredClone(op);
    if (path.length === 0) {
      if (m.kind === 'set') root = m.value;
      else if (m.kind === 'add' && root && typeof root === 'object') Object.defineProperty(root, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
      continue;
    }
    let parent: any = root;
    for (const k of path.slice(0, -1)) parent = parent && typeof parent === 'object' ? parent[k] : undefined;
    if (!parent || typeof parent !== 'object') continue;
    const key = path.at(-1)!;
    if (m.kind === 'delete') delete parent[key];
    else if (m.kind === 'set') parent[key] = m.value;
    else if (parent[key] && typeof parent[key] === 'object') Object.defineProperty(parent[key], m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
  }
  return root;
}

/** Mutations of payloads shaped like `sample`. */
const mutationsOf = (sample: unknown) => fc.array(fc.tuple(fc.constantFrom(...pathsOf(sample)), op), { minLength: 1, maxLength: 4 });

type Body = string | Uint8Array;
/** Bodies that are not (whole) JSON, or too big: raw bytes, junk text, cut-off JSON, BOMs, over the limit. */
const junkBody = (valid: string): fc.Arbitrary<Body> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 256 }),
    fc.string({ unit: 'binary', maxLength: 100 }),
    fc.nat({ max: Math.max(0, valid.length - 1) }).map((n) => valid.slice(0, n)),
    fc.constantFrom<Body>('', ' ', 'null', 'true', '[]', '"x"', '0', '{', '\ufeff{}', `\ufeff${valid}`, `${valid}garbage`, `${valid}${valid}`, `{"a":${'['.repeat(5000)}`, `{"pad":"${HUGE}"}`),
  );

/** What a body is: a JSON value (mutated or random), or junk bytes. */
const encoded = (value: fc.Arbitrary<unknown>, valid: string): fc.Arbitrary<Body> =>
  fc.oneof({ weight: 5, arbitrary: value.map((v) => JSON.stringify(v) ?? '') }, { weight: 2, arbitrary: anyJson.map((v) => JSON.stringify(v)) }, { weight: 2, arbitrary: junkBody(valid) });

// ---------------------------------------------------------------------------------------------
// HTTP

interface Sent {
  status: number;
  text: string;
}
/** Characters node:http refuses in a request path are percent-encoded (as UTF-8); everything else goes as typed. */
const sendablePath = (path: string) =>
  path.replace(/[^\u0021-\u00ff]/gu, (c) => [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));

/**
 * One request with node:http (fetch refuses some header values a client may well send, such as an
 * empty Authorization, and normalises paths). A 200 event stream is hung up on once its status is in.
 */
function send(method: string, path: string, opts: { body?: Body; headers?: Record<string, string> } = {}): Promise<Sent> {
  const headers: Record<string, string> = { ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers };
  return new Promise((resolve, reject) => {
    const req = request(`${svc.url}${sendablePath(path)}`, { method, headers }, (res) => {
      const status = res.statusCode ?? 0;
      if (String(res.headers['content-type']).startsWith('text/event-stream')) {
        req.destroy();
        return resolve({ status, text: '' });
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** The Authorization header, if any. */
const authHeader = (value: string | undefined): Record<string, string> => (value === undefined ? {} : { authorization: value });

const hmac = (secret: string, body: Body, encoding: 'base64' | 'hex') => createHmac('sha256', secret).update(body).digest(encoding);
const lineSig = (body: Body) => hmac(LINE_SECRET, body, 'base64');
const waSig = (body: Body) => `sha256=${hmac(WA_APP_SECRET, body, 'hex')}`;

/** A status the edge may answer with: anything but a 5xx (every channel is configured, so not even 503). */
function expectNo5xx(r: Sent, what: string): void {
  expect(r.status, `${what} → ${r.status} ${r.text.slice(0, 300)}`).toBeLessThan(500);
}

async function expectHealthy(): Promise<void> {
  expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
  expect((await fetch(`${svc.url}/readyz`)).status).toBe(200);
}

/** No turn failed and no reply was rejected by a platform since `from` (index into `errors`). */
function expectNoErrorsSince(from: number): void {
  const found = errors.slice(from).map((e) => `${e.msg} ${e.code ?? ''} ${e.err?.message ?? ''} ${e.err?.stack?.split('\n').slice(0, 4).join(' | ') ?? ''}`);
  expect(found).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Direct Line

const dlAuth = fc.oneof(
  fc.constant<string | undefined>(undefined),
  fc.constant(`Bearer ${DL_SECRET}`),
  fc.constantFrom('', 'Bearer', 'Bearer ', `bearer   ${DL_SECRET}  `, `Basic ${DL_SECRET}`, `Bearer ${DL_SECRET}x`, 'Bearer a.b.c'),
  headerText,
  headerText.map((t) => `Bearer ${t}`),
);

describe('fuzzing Direct Line', () => {
  it('tokens/generate and tokens/refresh: random bodies and authorizations never get a 5xx', async () => {
    const valid = JSON.stringify({ user: { id: 'crm-4711', name: 'Ana' } });
    const mutated = mutationsOf(JSON.parse(valid)).map((m) => mutate(JSON.parse(valid), m));
    await fc.assert(
      fc.asyncProperty(fc.option(encoded(mutated, valid), { nil: undefined }), dlAuth, async (body, authorization) => {
        const r = await send('POST', '/v3/directline/tokens/generate', { body, headers: authHeader(authorization) });
        expectNo5xx(r, `generate ${authorization} ${String(body).slice(0, 200)}`);
        const refreshed = await send('POST', '/v3/directline/tokens/refresh', { body, headers: authHeader(authorization) });
        expectNo5xx(refreshed, `refresh ${authorization}`);
      }),
      { numRuns: 80 },
    );
    await expectHealthy();
  }, TIMEOUT);

  it('conversations: random bodies with a valid (or a random) token never get a 5xx', async () => {
    const valid = JSON.stringify({ user: { id: 'u1', name: 'Ana', role: 'user' }, locale: 'fr-FR' });
    const mutated = mutationsOf(JSON.parse(valid)).map((m) => mutate(JSON.parse(valid), m));
    await fc.assert(
      fc.asyncProperty(fc.option(encoded(mutated, valid), { nil: undefined }), fc.option(dlAuth, { freq: 3 }), async (body, authorization) => {
        let auth = authorization;
        if (auth === null) {
          const gen = await call(svc.url, 'POST', '/tokens/generate');
          expect(gen.status).toBe(200);
          auth = `Bearer ${gen.body.token}`;
        }
        const before = errors.length;
        const r = await send('POST', '/v3/directline/conversations', { body, headers: authHeader(auth) });
        expectNo5xx(r, `conversations ${String(body).slice(0, 200)}`);
        expectNoErrorsSince(before); // the welcome turn ran inside the request
      }),
      { numRuns: 80 },
    );
    await expectHealthy();
  }, TIMEOUT);

  let fuzzed: Started;
  const activityType = mostly(fc.constantFrom('message', 'message', 'event', 'typing'), fc.constantFrom('conversationUpdate', 'invoke', 'endOfConversation', 'bogus', ''));
  const randomActivity = fc.record(
    {
      type: activityType,
      text: junkText,
      textFormat: mostly(fc.constant('plain'), fc.constantFrom('markdown', 'xml', 'html')),
      value: anyJson,
      name: mostly(fc.constantFrom('handoff.status', 'webchat/join', 'x'), fc.string({ maxLength: 300 })),
      locale: mostly(fc.constantFrom('fr-FR', 'zh-TW', 'ko-KR', 'pt-PT', 'xx', '', 'en_US', '-', 'FR', 'fr-'), fc.string({ maxLength: 40 })),
      localTimestamp: fc.string({ maxLength: 70 }),
      from: mostly(fc.record({ id: fc.string({ maxLength: 20 }), name: fc.string({ maxLength: 20 }), role: fc.constantFrom('user', 'bot', 'x') }, { requiredKeys: [] }), anyJson),
      channelData: mostly(fc.record({ clientActivityID: mostly(fc.uuid(), anyJson), messageBack: anyJson, postBack: fc.boolean() }, { requiredKeys: [] }), anyJson),
      entities: mostly(fc.array(fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 3 }), { maxLength: 3 }), fc.oneof(anyJson, fc.constant(Array.from({ length: 17 }, () => ({}))))),
      attachments: mostly(fc.constant([]), anyJson),
    },
    { requiredKeys: ['type'] },
  );

  it('activities: random activities with a valid token never get a 5xx', async () => {
    fuzzed = await startConversation(svc.url, 'fr-FR');
    const path = `/v3/directline/conversations/${fuzzed.conversationId}/activities`;
    await fc.assert(
      fc.asyncProperty(randomActivity, async (activity) => {
        const body = JSON.stringify(activity);
        const before = errors.length;
        const r = await send('POST', path, { body, headers: { authorization: `Bearer ${fuzzed.token}` } });
        expectNo5xx(r, `activity ${body.slice(0, 300)}`);
        expectNoErrorsSince(before); // the turn ran inside the request: no apology for a crash
      }),
      { numRuns: 80 },
    );
    await expectHealthy();
  }, TIMEOUT);

  it('activities: mutated activities, junk bodies and random tokens or ids never get a 5xx', async () => {
    const path = `/v3/directline/conversations/${fuzzed.conversationId}/activities`;
    const base = () => ({
      type: 'message',
      text: 'how often should I descale my machine',
      locale: 'fr-FR',
      from: { id: 'dl_x', name: 'Ana', role: 'user' },
      channelData: { clientActivityID: `client-${randomUUID()}` },
      entities: [{ type: 'ClientCapabilities', requiresBotState: true }],
    });
    const valid = JSON.stringify(base());
    await fc.assert(
      fc.asyncProperty(
        mutationsOf(base()),
        fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, junkBody(valid)),
        fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, dlAuth),
        fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, fc.string({ maxLength: 140 }), fc.constantFrom('x'.repeat(200), '..', '%2F', 'abcdefgh')),
        async (mutations, junk, authorization, id) => {
          const before = errors.length;
          const body = JSON.stringify(mutate(base(), mutations)) ?? '';
          const auth = authorization === null ? `Bearer ${fuzzed.token}` : authorization;
          const headers = authHeader(auth);
          const target = id === null ? path : `/v3/directline/conversations/${encodeURIComponent(id)}/activities`;
          expectNo5xx(await send('POST', target, { body, headers }), `mutated activity ${body.slice(0, 300)}`);
          if (junk !== null) expectNo5xx(await send('POST', path, { body: junk, headers: { authorization: `Bearer ${fuzzed.token}` } }), `junk ${String(junk).slice(0, 200)}`);
          expectNoErrorsSince(before);
        },
      ),
      { numRuns: 80 },
    );
    await expectHealthy();
  }, TIMEOUT);

  it('GET activities?watermark=<random> never gets a 5xx', async () => {
    const path = `/v3/directline/conversations/${fuzzed.conversationId}/activities`;
    const watermark = fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: -3, max: 40 }).map(String) },
      fc.integer().map(String),
      fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
      fc.double().map(String),
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom('', '-1', '-2', '-0', '0x10', '1e3', ' 1', '999999999999', '9999999999999', 'NaN', 'Infinity', '%', '%ZZ', '&watermark=1', '[]'),
    );
    await fc.assert(
      fc.asyncProperty(watermark, fc.boolean(), fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, dlAuth), async (mark, raw, authorization) => {
        // raw: the watermark as typed (only what a request line cannot hold is percent-encoded).
        const q = raw ? mark : encodeURIComponent(mark);
        const auth = authorization === null ? `Bearer ${fuzzed.token}` : authorization;
        const r = await send('GET', `${path}?watermark=${q}`, { headers: authHeader(auth) });
        expectNo5xx(r, `watermark ${JSON.stringify(mark)} raw=${raw}`);
        const again = await send('GET', `/v3/directline/conversations/${fuzzed.conversationId}?watermark=${encodeURIComponent(mark)}`, { headers: { authorization: `Bearer ${fuzzed.token}` } });
        expectNo5xx(again, `reconnect watermark ${JSON.stringify(mark)}`);
      }),
      { numRuns: 100 },
    );
    await expectHealthy();
  }, TIMEOUT);

  it('the stream: random watermarks, tokens and ids open it or are refused with a 4xx', async () => {
    const streamPath = (id: string) => `/v3/directline/conversations/${id}/stream`;
    const token = fc.oneof({ weight: 3, arbitrary: fc.constant(fuzzed.token) }, fc.constant(undefined), fc.string({ maxLength: 60 }), fc.constant(`${fuzzed.token}x`));
    const mark = fc.oneof(fc.constant(undefined), fc.integer({ min: -3, max: 40 }).map(String), fc.string({ maxLength: 20 }), fc.constantFrom('%', '%ZZ', '99999999999999', '-0'));
    const id = fc.oneof({ weight: 3, arbitrary: fc.constant(fuzzed.conversationId) }, fc.string({ maxLength: 40 }).map(encodeURIComponent), fc.constantFrom('%', '%E0%A4%A', 'x'.repeat(200)));
    await fc.assert(
      fc.asyncProperty(id, mark, token, fc.boolean(), async (cid, w, t, raw) => {
        const q = [w === undefined ? '' : `watermark=${raw ? w : encodeURIComponent(w)}`, t === undefined ? '' : `t=${encodeURIComponent(t)}`].filter(Boolean).join('&');
        const url = `${svc.url.replace(/^http/, 'ws')}${streamPath(cid)}${q ? `?${q}` : ''}`;
        let status: number | string;
        try {
          // An upgrade nobody answers would leave the socket open for good: a hang is a failure too.
          const s = await Promise.race([openStream(url), new Promise<never>((_, reject) => setTimeout(() => reject(Object.assign(new Error('no answer'), { status: 'no answer in 5 s' })), 5000))]);
          await s.close();
          status = 101;
        } catch (err) {
          status = (err as { status?: number | string }).status ?? -1;
          if (status === -1 && err instanceof SyntaxError) return; // a URL the ws client will not dial
        }
        expect([101, 400, 401, 403, 404], `${url} → ${status}`).toContain(status);
      }),
      { numRuns: 40 },
    );
    await expectHealthy();
  }, TIMEOUT);

  it('afterwards the fuzzed conversation still loads and a new one gets its answer', async () => {
    await expectHealthy();
    expect((await activities(svc.url, fuzzed)).activities.length).toBeGreaterThan(0);
    expect((await say(svc.url, fuzzed, 'hello')).status).toBe(200);
    await svc.app.router.loadConversation(`directline:${fuzzed.conversationId}`);

    const c = await startConversation(svc.url, 'zh-TW');
    const posted = await say(svc.url, c, 'How often should I descale my machine?');
    expect(posted.status).toBe(200);
    const replies = (await activities(svc.url, c)).activities.filter((a) => a.replyToId === posted.body.id && a.from?.role === 'bot');
    expect(replies.map((a) => a.text).join('\n')).toMatch(/descaling alert/);
  });
});

// ---------------------------------------------------------------------------------------------
// LINE

const lineUser = fc.stringMatching(/^U[0-9a-f]{32}$/);
const lineEvent = fc.record(
  {
    type: mostly(fc.constantFrom('message', 'message', 'postback', 'follow', 'join'), fc.constantFrom('unfollow', 'leave', 'memberJoined', 'beacon', 'bogus', '')),
    mode: mostly(fc.constant('active'), fc.constantFrom('standby', 'x')),
    timestamp: mostly(fc.constantFrom(Date.now(), Date.now() - 120_000, Date.now() + 3600_000), fc.oneof(fc.integer(), fc.double(), fc.constant(-1), fc.string({ maxLength: 15 }))),
    webhookEventId: mostly(fc.uuid(), fc.oneof(fc.string({ maxLength: 40 }), anyJson)),
    replyToken: mostly(fc.uuid(), fc.oneof(fc.constantFrom('expired-1', ''), fc.string({ maxLength: 40 }))),
    source: mostly(
      fc.record({ type: mostly(fc.constantFrom('user', 'group', 'room'), fc.constant('alien')), userId: mostly(lineUser, fc.string({ maxLength: 40 })), groupId: fc.string({ maxLength: 40 }), roomId: fc.string({ maxLength: 40 }) }, { requiredKeys: ['type', 'userId'] }),
      anyJson,
    ),
    message: mostly(fc.record({ type: mostly(fc.constant('text'), fc.constantFrom('sticker', 'image', 'location', '')), id: fc.string({ maxLength: 20 }), text: junkText }, { requiredKeys: ['type'] }), anyJson),
    postback: mostly(fc.record({ data: junkText, params: anyJson }, { requiredKeys: ['data'] }), anyJson),
    deliveryContext: mostly(fc.record({ isRedelivery: fc.boolean() }), anyJson),
  },
  { requiredKeys: ['type', 'timestamp', 'source'] },
);

describe('fuzzing POST /api/line', () => {
  const sample = () => JSON.parse(line.body(line.text(`U${randomUUID().replace(/-/g, '')}`, 'How often should I descale my machine?'))) as unknown;
  const body = fc.oneof(
    { weight: 3, arbitrary: fc.record({ destination: mostly(fc.constant('Ubot0000'), anyJson), events: fc.array(lineEvent, { minLength: 1, maxLength: 4 }) }, { requiredKeys: ['events'] }).map((b) => JSON.stringify(b)) },
    { weight: 3, arbitrary: mutationsOf(sample()).map((m) => JSON.stringify(mutate(sample(), m)) ?? '') },
    { weight: 2, arbitrary: junkBody(line.body(line.text('U1', 'hi'))) },
  );

  it('signed random and mutated event payloads never get a 5xx, and no turn fails', async () => {
    const statuses: number[] = [];
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const before = errors.length;
        const r = await send('POST', '/api/line', { body: b, headers: { 'x-line-signature': lineSig(b) } });
        expectNo5xx(r, `line ${String(b).slice(0, 300)}`);
        statuses.push(r.status);
        await svc.app.line!.drain(); // the turns run after the 200: a failure shows in the log, with this body as the counterexample
        expectNoErrorsSince(before);
      }),
      { numRuns: 100 },
    );
    await svc.app.line!.drain();
    expect(statuses).toContain(200); // the signing is right: some bodies got through
    await expectHealthy();
  }, TIMEOUT);

  it('unsigned or wrongly signed payloads are refused with 401 (413 when too large), never a 5xx', async () => {
    // No signature, junk, or the signature of other bytes (the body with one more byte, another secret).
    const signature = fc.oneof(fc.constantFrom<string | ((b: Body) => string) | undefined>(undefined, '', 'x', (b) => lineSig(`${b} `), (b) => hmac('another-secret', b, 'base64')), headerText);
    await fc.assert(
      fc.asyncProperty(body, signature, async (b, sign) => {
        const sig = typeof sign === 'function' ? sign(b) : sign;
        const r = await send('POST', '/api/line', { body: b, headers: sig === undefined ? {} : { 'x-line-signature': sig } });
        expectNo5xx(r, `unsigned line ${String(b).slice(0, 200)}`);
        expect([401, 413]).toContain(r.status);
      }),
      { numRuns: 60 },
    );
    await expectHealthy();
  }, TIMEOUT);

  it('afterwards a customer on LINE still gets an answer', async () => {
    await svc.app.line!.drain();
    const user = `U${randomUUID().replace(/-/g, '')}`;
    const before = lineMessages(fakeLine).length;
    const b = line.body(line.text(user, 'How often should I descale my machine?'));
    expect((await send('POST', '/api/line', { body: b, headers: { 'x-line-signature': lineSig(b) } })).status).toBe(200);
    await svc.app.line!.drain();
    const out = lineMessages(fakeLine).slice(before);
    expect(out.map((m) => m.text).join('\n')).toMatch(/descaling alert/);
    expect(await svc.app.router.loadConversation(`line:${user}`)).toMatchObject({ market: 'TW' });
    await expectHealthy();
  });
});

// ---------------------------------------------------------------------------------------------
// WhatsApp

const waNumber = fc.stringMatching(/^(886|33|351|82|1)\d{8,10}$/);
const waMessage = fc.record(
  {
    from: mostly(waNumber, fc.string({ maxLength: 25 })),
    id: mostly(fc.uuid().map((u) => `wamid.${u}`), fc.string({ maxLength: 30 })),
    timestamp: mostly(fc.constant(String(Math.floor(Date.now() / 1000))), fc.oneof(fc.nat().map(String), fc.constantFrom('99999999999999999999', '0', '-1', '1e3', ''), fc.string({ maxLength: 12 }))),
    type: mostly(fc.constantFrom('text', 'text', 'interactive', 'button'), fc.constantFrom('image', 'sticker', 'reaction', 'unsupported', '')),
    text: mostly(fc.record({ body: junkText }), anyJson),
    interactive: mostly(
      fc.record({ type: fc.constantFrom('button_reply', 'list_reply', 'nfm_reply'), button_reply: fc.record({ id: junkText, title: junkText }, { requiredKeys: ['id'] }), list_reply: fc.record({ id: junkText, title: junkText }, { requiredKeys: ['id'] }) }, { requiredKeys: ['type'] }),
      anyJson,
    ),
    button: mostly(fc.record({ payload: junkText, text: junkText }, { requiredKeys: [] }), anyJson),
  },
  { requiredKeys: ['from', 'id', 'type'] },
);
const waValue = fc.record(
  {
    messaging_product: fc.constant('whatsapp'),
    metadata: mostly(fc.record({ display_phone_number: fc.string({ maxLength: 15 }), phone_number_id: mostly(fc.constant(WA_PHONE_ID), fc.string({ maxLength: 12 })) }, { requiredKeys: [] }), anyJson),
    contacts: mostly(fc.array(fc.record({ wa_id: mostly(waNumber, fc.string({ maxLength: 20 })), profile: mostly(fc.record({ name: junkText }, { requiredKeys: [] }), anyJson) }, { requiredKeys: ['wa_id'] }), { maxLength: 2 }), anyJson),
    messages: mostly(fc.array(waMessage, { minLength: 1, maxLength: 3 }), anyJson),
    statuses: mostly(fc.array(fc.record({ id: fc.string(), status: fc.constantFrom('sent', 'delivered', 'read', 'failed', ''), recipient_id: fc.string(), errors: mostly(fc.array(fc.record({ code: fc.oneof(fc.integer(), fc.string()) }, { requiredKeys: [] })), anyJson) }, { requiredKeys: ['status'] }), { maxLength: 2 }), anyJson),
  },
  { requiredKeys: ['metadata'] },
);

describe('fuzzing /api/whatsapp', () => {
  const sample = () => JSON.parse(wa.body({ messages: [wa.text(`886${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`, 'How often should I descale my machine?')], contacts: [{ wa_id: '886900000000', profile: { name: 'Mei' } }] })) as unknown;
  const body = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .record({ object: mostly(fc.constant('whatsapp_business_account'), anyJson), entry: fc.array(fc.record({ id: fc.string({ maxLength: 10 }), changes: fc.array(fc.record({ field: mostly(fc.constant('messages'), fc.constantFrom('statuses', 'x')), value: mostly(waValue, anyJson) }), { minLength: 1, maxLength: 2 }) }, { requiredKeys: ['changes'] }), { minLength: 1, maxLength: 2 }) }, { requiredKeys: ['object', 'entry'] })
        .map((b) => JSON.stringify(b)),
    },
    { weight: 3, arbitrary: mutationsOf(sample()).map((m) => JSON.stringify(mutate(sample(), m)) ?? '') },
    { weight: 2, arbitrary: junkBody(wa.body({ messages: [wa.text('886900000000', 'hi')] })) },
  );

  it('signed random and mutated payloads never get a 5xx, and no turn fails', async () => {
    const statuses: number[] = [];
    await fc.assert(
      fc.asyncProperty(body, fc.boolean().chain((b) => (b ? fc.constant(true) : fc.boolean())), async (b, signed) => {
        const before = errors.length;
        const headers: Record<string, string> = signed ? { 'x-hub-signature-256': waSig(b) } : {};
        const r = await send('POST', '/api/whatsapp', { body: b, headers });
        expectNo5xx(r, `whatsapp ${String(b).slice(0, 300)}`);
        if (!signed) expect([401, 413]).toContain(r.status);
        statuses.push(r.status);
        await svc.app.whatsapp!.drain();
        expectNoErrorsSince(before);
      }),
      { numRuns: 100 },
    );
    await svc.app.whatsapp!.drain();
    expect(statuses).toContain(200);
    await expectHealthy();
  }, TIMEOUT);

  it('GET with random query strings never gets a 5xx; only the right token gets the challenge back', async () => {
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom(WA_VERIFY_TOKEN, 'subscribe', '', '%', '%ZZ', '&', '='));
    const query = fc.oneof(
      fc.record({ 'hub.mode': fc.oneof(fc.constant('subscribe'), value), 'hub.verify_token': fc.oneof(fc.constant(WA_VERIFY_TOKEN), value), 'hub.challenge': value }, { requiredKeys: [] }).map((o) => new URLSearchParams(o as Record<string, string>).toString()),
      fc.tuple(fc.array(fc.tuple(value, value), { maxLength: 5 }), fc.boolean()).map(([pairs, enc]) => pairs.map(([k, v]) => (enc ? `${encodeURIComponent(k)}=${encodeURIComponent(v)}` : `${k}=${v}`)).join('&')),
      fc.string({ maxLength: 100 }),
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc.constant(`hub.mode=subscribe&hub.verify_token=${WA_VERIFY_TOKEN}&hub.challenge=${'9'.repeat(5000)}`),
    );
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const r = await send('GET', `/api/whatsapp?${q}`);
        expectNo5xx(r, `GET ?${q}`);
        expect([200, 403, 414, 431]).toContain(r.status);
        if (r.status === 200) {
          const params = new URLSearchParams(q.split('#')[0]); // what the server saw: nothing after '#'
          expect([params.get('hub.mode'), params.get('hub.verify_token')], `GET ?${q}`).toEqual(['subscribe', WA_VERIFY_TOKEN]);
          expect(r.text).toBe(Buffer.from(params.get('hub.challenge') ?? '').toString('utf8'));
        }
      }),
      { numRuns: 100 },
    );
    await expectHealthy();
  }, TIMEOUT);

  it('afterwards a customer on WhatsApp still gets an answer', async () => {
    await svc.app.whatsapp!.drain();
    const customer = `886${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
    const b = wa.body({ messages: [wa.text(customer, 'How often should I descale my machine?')] });
    expect((await send('POST', '/api/whatsapp', { body: b, headers: { 'x-hub-signature-256': waSig(b) } })).status).toBe(200);
    await svc.app.whatsapp!.drain();
    expect(whatsappMessages(fakeWa, customer).map((m) => m.text).join('\n')).toMatch(/descaling alert/);
    expect(await svc.app.router.loadConversation(`whatsapp:${customer}`)).toMatchObject({ market: 'TW' });
    const ok = await fetch(`${svc.url}/api/whatsapp?hub.mode=subscribe&hub.verify_token=${WA_VERIFY_TOKEN}&hub.challenge=42`);
    expect([ok.status, await ok.text()]).toEqual([200, '42']);
    await expectHealthy();
  });
});

// ---------------------------------------------------------------------------------------------
// Agent API

describe('fuzzing /api/agent', () => {
  /** Conversations with a real hand-off on each channel, so random operations also hit live records. */
  const real: string[] = [];
  const agent = () => new AgentClient(svc.url, AGENT_TOKEN);

  beforeAll(async () => {
    const bf = new BotConversation(svc);
    await bf.say('talk to a person');
    real.push(`emulator:${bf.id}`);
    const dl = await startConversation(svc.url, 'ko-KR');
    expect((await say(svc.url, dl, 'talk to a person')).status).toBe(200);
    real.push(`directline:${dl.conversationId}`);
    const user = `U${randomUUID().replace(/-/g, '')}`;
    const lb = line.body(line.text(user, 'talk to a person'));
    expect((await send('POST', '/api/line', { body: lb, headers: { 'x-line-signature': lineSig(lb) } })).status).toBe(200);
    await svc.app.line!.drain();
    real.push(`line:${user}`);
    const customer = `33${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
    const wb = wa.body({ messages: [wa.text(customer, 'talk to a person')] });
    expect((await send('POST', '/api/whatsapp', { body: wb, headers: { 'x-hub-signature-256': waSig(wb) } })).status).toBe(200);
    await svc.app.whatsapp!.drain();
    real.push(`whatsapp:${customer}`);
    const q = await agent().queue();
    expect(q.body.waiting.map((w: { id: string }) => w.id)).toEqual(expect.arrayContaining(real));
  });

  it('random ids, bodies and tokens never get a 5xx', async () => {
    const id = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(0, 1, 2, 3).map((i) => ({ id: real[i]!, raw: false })) },
      { weight: 2, arbitrary: fc.record({ id: fc.string({ maxLength: 60 }), raw: fc.boolean() }) },
      { weight: 1, arbitrary: fc.record({ id: fc.string({ unit: 'binary', maxLength: 30 }), raw: fc.boolean() }) },
      { weight: 1, arbitrary: fc.constantFrom('x'.repeat(600), '__proto__', 'constructor', 'line:', 'directline:', 'emulator:nobody').map((s) => ({ id: s, raw: false })) },
      { weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '%2F', '..', 'a%2Fb', '%F0%9F', '%ff').map((s) => ({ id: s, raw: true })) },
    );
    const route = mostly(
      fc.constantFrom(['GET', 'queue'], ['GET', 'conversations/:id'], ['POST', 'conversations/:id/accept'], ['POST', 'conversations/:id/messages'], ['POST', 'conversations/:id/messages'], ['POST', 'conversations/:id/end']),
      fc.constantFrom(['GET', 'report'], ['GET', 'events'], ['POST', 'conversations/:id'], ['GET', 'conversations/:id/messages'], ['POST', 'conversations/:id/bogus'], ['POST', 'queue']),
    );
    const authorization = fc.oneof(
      { weight: 6, arbitrary: fc.constant(`Bearer ${AGENT_TOKEN}`) },
      fc.constant<string | undefined>(undefined),
      fc.constantFrom('', 'Bearer', `bearer    ${AGENT_TOKEN}   `, `Bearer ${AGENT_TOKEN}x`, `Basic ${AGENT_TOKEN}`, 'Bearer undefined'),
      headerText,
      headerText.map((t) => `Bearer ${t}`),
    );
    const validBody = { text: 'Hello, this is Eve.', agent: 'Eve', note: 'done' };
    const body = fc.oneof(
      fc.constant(undefined),
      { weight: 3, arbitrary: mutationsOf(validBody).map((m) => JSON.stringify(mutate(validBody, m)) ?? '') },
      fc.record({ text: junkText, agent: fc.oneof(junkText, anyJson), note: fc.oneof(junkText, anyJson) }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
      anyJson.map((v) => JSON.stringify(v)),
      junkBody(JSON.stringify(validBody)),
    );
    await fc.assert(
      fc.asyncProperty(route, id, body, authorization, fc.boolean(), async ([method, pattern], { id: cid, raw }, b, auth, queryToken) => {
        const path = pattern!.replace(':id', raw ? cid : encodeURIComponent(cid));
        const query = queryToken ? `?token=${encodeURIComponent(auth?.replace(/^bearer\s+/i, '') ?? '')}` : '';
        const headers: Record<string, string> = authHeader(auth);
        const before = errors.length;
        const res = await send(method!, `/api/agent/${path}${query}`, { headers, body: method === 'POST' ? b : undefined });
        expectNo5xx(res, `${method} ${path}${query} auth=${auth} body=${String(b).slice(0, 200)}`);
        expectNoErrorsSince(before);
      }),
      { numRuns: 100 },
    );
    await expectHealthy();
  }, TIMEOUT);

  it('afterwards the queue loads, the hand-offs read, and a new hand-off goes through accept → message → end', async () => {
    const q = await agent().queue();
    expect(q.status).toBe(200);
    for (const id of real) expect([200, 404]).toContain((await agent().conversation(id)).status);
    expect((await agent().request('GET', 'report')).status).toBe(200);

    const c = await startConversation(svc.url, 'zh-TW');
    expect((await say(svc.url, c, 'talk to a person')).status).toBe(200);
    const id = `directline:${c.conversationId}`;
    expect((await agent().accept(id, 'Mei')).status).toBe(200);
    expect((await agent().send(id, 'Hi, this is Mei from support.')).status).toBe(200);
    expect((await activities(svc.url, c)).activities.map((a) => a.text)).toContain('Hi, this is Mei from support.');
    expect((await agent().end(id)).status).toBe(200);
    await expectHealthy();
  });
});
