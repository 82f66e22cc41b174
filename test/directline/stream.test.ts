/**
 * The Direct Line WebSocket stream: replay from the watermark, live frames, refused upgrades,
 * activities produced on another instance (shared storage pub/sub), agent messages through the
 * outbound registry, and keep-alive pings.
 */
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DirectLineChannel } from '../../src/channels/directline/channel.js';
import { testConfig } from '../../src/config.js';
import { createLogger } from '../../src/lib/logger.js';
import type { ConversationState } from '../../src/conversation/conversation.js';
import { MemoryStorage } from '../../src/state/memory.js';
import { getTestRedis } from '../helpers/redis.js';
import { startService, type TestService } from '../helpers/service.js';
import { activities, call, eventually, openStream, say, startConversation, type Stream } from './client.js';

const SECRET = 'shared-directline-secret-for-two-instances';

const redis = await getTestRedis();
afterAll(async () => {
  await redis?.stop(); // a no-op unless the helper started a throw-away server for this file
});

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

async function service(overrides: Parameters<typeof startService>[0] = {}, options: Parameters<typeof startService>[1] = {}): Promise<TestService> {
  const svc = await startService(overrides, { defaultMetrics: false, ...options });
  cleanup.push(() => svc.close());
  return svc;
}

async function stream(url: string): Promise<Stream> {
  const s = await openStream(url);
  cleanup.push(() => s.close());
  return s;
}

/** The streamUrl an instance gives for a reconnect from `watermark`. */
async function reconnectUrl(base: string, c: { conversationId: string; token: string }, watermark?: string): Promise<string> {
  const q = watermark === undefined ? '' : `?watermark=${watermark}`;
  const res = await call(base, 'GET', `/conversations/${c.conversationId}${q}`, { token: c.token });
  expect(res.status).toBe(200);
  return res.body.streamUrl;
}

describe('replay and live frames', () => {
  it('replays the whole log on connect, then sends each new activity live', async () => {
    const svc = await service();
    const c = await startConversation(svc.url);
    const s = await stream(c.streamUrl);
    const welcome = await s.waitFor((a) => /support assistant/.test(a.text ?? ''));
    expect(s.frames[0]).toEqual({ activities: [welcome], watermark: '0' });

    const posted = await say(svc.url, c, 'I forgot my password');
    const echo = await s.waitFor((a) => a.id === posted.body.id);
    expect(echo).toMatchObject({ from: { role: 'user' }, channelData: { clientActivityID: expect.any(String) } });
    await s.waitFor((a) => a.replyToId === posted.body.id && a.from?.role === 'bot');
    // Frames carry increasing watermarks that match the REST log.
    const marks = s.frames.map((f) => Number(f.watermark));
    expect(marks).toEqual([...marks].sort((x, y) => x - y));
    expect(s.activities.map((a) => a.id)).toEqual((await activities(svc.url, c)).activities.map((a) => a.id));
  });

  it('replays only what came after the watermark on reconnect', async () => {
    const svc = await service();
    const c = await startConversation(svc.url);
    await say(svc.url, c, 'hello');
    const log = (await activities(svc.url, c)).activities;
    expect(log.length).toBeGreaterThanOrEqual(3);

    const s = await stream(await reconnectUrl(svc.url, c, '1'));
    await eventually(() => expect(s.activities.map((a) => a.id)).toEqual(log.slice(2).map((a) => a.id)));
    expect(s.frames.at(-1)!.watermark).toBe(String(log.length - 1));

    const caughtUp = await stream(await reconnectUrl(svc.url, c, String(log.length - 1)));
    await say(svc.url, c, 'thanks');
    const live = await caughtUp.waitFor((a) => a.text === 'thanks');
    expect(caughtUp.activities[0]).toBe(live); // nothing old was replayed
  });

  it('refuses the upgrade for a forged, foreign or missing token (403/401) and an unknown conversation (404)', async () => {
    const svc = await service();
    const a = await startConversation(svc.url);
    const b = await startConversation(svc.url);
    const url = new URL(a.streamUrl);
    const withToken = (t: string | null) => {
      const u = new URL(url);
      if (t === null) u.searchParams.delete('t');
      else u.searchParams.set('t', t);
      return u.toString();
    };
    await expect(openStream(withToken(`${a.token.slice(0, -10)}AAAAAAAAAA`))).rejects.toMatchObject({ status: 403 });
    await expect(openStream(withToken(b.token))).rejects.toMatchObject({ status: 403 });
    await expect(openStream(withToken(null))).rejects.toMatchObject({ status: 401 });
    const unstarted = await call(svc.url, 'POST', '/tokens/generate');
    const unknown = a.streamUrl.replace(a.conversationId, unstarted.body.conversationId).replace(/t=[^&]+/, `t=${unstarted.body.token}`);
    await expect(openStream(unknown)).rejects.toMatchObject({ status: 404 });
    // The service is fine afterwards.
    expect((await say(svc.url, a, 'hello')).status).toBe(200);
  });
});

/** The status line a raw WebSocket upgrade request gets. */
function upgradeStatus(base: string, path: string): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`),
    );
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk;
      if (!data.includes('\r\n')) return;
      resolve(data.split('\r\n')[0]!);
      socket.destroy();
    });
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('malformed stream requests', () => {
  it('answers 400 for bad encoding or watermarks and keeps serving', async () => {
    const svc = await service();
    const c = await startConversation(svc.url);
    const path = `/v3/directline/conversations/${c.conversationId}/stream`;
    expect(await upgradeStatus(svc.url, '/v3/directline/conversations/%E0%A4%A/stream?t=x')).toBe('HTTP/1.1 400 Bad Request');
    expect(await upgradeStatus(svc.url, `${path}?watermark=%ZZ&t=${c.token}`)).toBe('HTTP/1.1 400 Bad Request');
    expect(await upgradeStatus(svc.url, `${path}?watermark=soon&t=${c.token}`)).toBe('HTTP/1.1 400 Bad Request');
    expect(await upgradeStatus(svc.url, `${path}?t=${c.token}`)).toBe('HTTP/1.1 101 Switching Protocols');
    expect((await say(svc.url, c, 'hello')).status).toBe(200);
  });
});

describe('several instances', () => {
  const backends = [{ name: 'memory storage', redisUrl: undefined as string | undefined }];
  if (redis) backends.push({ name: 'redis', redisUrl: redis.url });

  it.each(backends)('a socket on one instance gets what another instance appends ($name)', async ({ redisUrl }) => {
    const env = { DIRECTLINE_SECRET: SECRET, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) };
    const shared = redisUrl ? undefined : new MemoryStorage();
    const one = await service(env, shared ? { storage: shared } : {});
    const two = await service(env, shared ? { storage: shared } : {});

    const c = await startConversation(one.url);
    const s = await stream(c.streamUrl); // connected to instance one
    await s.waitFor((a) => /support assistant/.test(a.text ?? ''));
    const posted = await say(two.url, c, 'I forgot my password'); // handled by instance two
    await s.waitFor((a) => a.id === posted.body.id);
    await s.waitFor((a) => a.replyToId === posted.body.id);

    // A reconnect to the other instance replays the same log.
    const again = await stream(await reconnectUrl(two.url, c));
    await eventually(() => expect(again.activities.map((a) => a.id)).toEqual(s.activities.map((a) => a.id)));
  });
});

describe('agent messages and keep-alive', () => {
  it('delivers an outbound message (an agent reply) to the browser through the registry', async () => {
    const svc = await service();
    const c = await startConversation(svc.url);
    const s = await stream(c.streamUrl);
    await s.waitFor((a) => /support assistant/.test(a.text ?? ''));
    const state = (await svc.app.router.loadConversation(`directline:${c.conversationId}`)) as ConversationState;
    expect(state.channelId).toBe('directline');
    const sent = await svc.app.outbound.send(state, [{ text: 'Hi, this is Mia from customer care.', support: { kind: 'handoff' } }]);
    expect(sent).toEqual({ ok: true });
    const agent = await s.waitFor((a) => a.text === 'Hi, this is Mia from customer care.');
    expect(agent).toMatchObject({ from: { role: 'bot' }, channelData: { support: { kind: 'handoff' } } });

    const gone = await svc.app.outbound.send({ ...state, id: 'directline:no-such-conversation', conversationRef: undefined }, [{ text: 'x', support: { kind: 'handoff' } }]);
    expect(gone).toMatchObject({ ok: false, reason: 'no-reference' });
  });

  it('pings open sockets and ignores the client\'s empty keep-alive frames', async () => {
    const svc = await service();
    const c = await startConversation(svc.url);
    // A channel with a short ping interval, on its own HTTP server sharing the service's storage and router.
    const channel = new DirectLineChannel({
      config: testConfig(),
      router: svc.app.router,
      storage: svc.app.storage,
      logger: createLogger('silent'),
      pingIntervalMs: 50,
    });
    const server = createServer((_req, res) => res.writeHead(404).end());
    server.on('upgrade', (req, socket, head) => channel.stream.handleUpgrade(req, socket, head));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanup.push(async () => {
      await channel.close();
      await new Promise<void>((r) => server.close(() => r()));
    });
    // Tokens are signed per process unless DIRECTLINE_SECRET is set: mint one with this channel's signer.
    const { token } = channel.tokens.issue(c.conversationId, 'dl_tester');
    const port = (server.address() as AddressInfo).port;
    const s = await stream(`ws://127.0.0.1:${port}/v3/directline/conversations/${c.conversationId}/stream?t=${token}`);
    await eventually(() => expect(s.pings).toBeGreaterThanOrEqual(2));
    expect(channel.stream.size).toBe(1);
    expect(s.frames.length).toBe(1); // the replay; pings are not frames
  });
});
