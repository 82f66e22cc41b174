/**
 * The Direct Line stream replays a log in pages and only as fast as each socket takes them
 * (issue 15 item 2): clients that stop reading cost the service a bounded amount of memory each,
 * not a copy of the whole log (100 such sockets once took RSS from 557 MB to 3.78 GB).
 * The stream runs on a loopback server over a stand-in log of 10 MB; the clients are raw TCP
 * sockets that send the upgrade request and then never read.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { pino } from 'pino';
import { afterEach, expect, it } from 'vitest';
import { DirectLineStream, REPLAY_PAGE } from '../../src/channels/directline/stream.js';
import type { ActivityLog, LoggedActivity } from '../../src/channels/directline/log.js';
import { openStream } from './client.js';

const ENTRIES = 4000;
const PAD = 'x'.repeat(2500);
const entries: LoggedActivity[] = Array.from({ length: ENTRIES }, (_, seq) => ({ seq, activity: { id: `conv|${seq}`, type: 'message', text: `${seq} ${PAD}` } }));
const LOG_BYTES = Buffer.byteLength(JSON.stringify(entries));

const fakeLog = {
  read: async (_id: string, watermark?: number) => (watermark === undefined ? entries : entries.filter((e) => e.seq > watermark)),
  subscribe: async () => async () => undefined,
} as unknown as ActivityLog;

let server: Server | undefined;
let stream: DirectLineStream | undefined;
const raw: Socket[] = [];
afterEach(async () => {
  for (const s of raw.splice(0)) s.destroy();
  await stream?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = stream = undefined;
});

async function serve(): Promise<number> {
  stream = new DirectLineStream(fakeLog, async () => ({ ok: true }), pino({ level: 'silent' }), { maxPerConversation: 100, maxPerAddress: 0 });
  server = createServer((_req, res) => res.end());
  server.on('upgrade', (req, socket, head) => stream!.handleUpgrade(req, socket, head));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

/** A WebSocket client that completes the handshake's request and never reads a byte. */
function stalledClient(port: number, conversation: string): Socket {
  const s = connect({ host: '127.0.0.1', port });
  s.on('error', () => undefined);
  s.write(
    `GET /v3/directline/conversations/${conversation}/stream?t=x HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  s.pause();
  raw.push(s);
  return s;
}

it('a reading client gets the whole log, a page per frame', async () => {
  const port = await serve();
  const client = await openStream(`ws://127.0.0.1:${port}/v3/directline/conversations/conv-reader/stream?t=x`);
  await client.waitFor((a) => a.id === `conv|${ENTRIES - 1}`, 20_000);
  expect(client.activities).toHaveLength(ENTRIES);
  expect(Math.max(...client.frames.map((f) => f.activities.length))).toBeLessThanOrEqual(REPLAY_PAGE);
  await client.close();
}, 40_000);

it('20 clients that stop reading hold a bounded amount of memory each, not the log', async () => {
  const port = await serve();
  global.gc?.();
  const before = process.memoryUsage();
  for (let i = 0; i < 20; i++) stalledClient(port, `conv-stalled-${i}`);
  for (const until = Date.now() + 15_000; stream!.size < 20 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 3000)); // every socket has had time to be sent what it will be sent
  const after = process.memoryUsage();
  const grown = after.arrayBuffers + after.heapUsed - (before.arrayBuffers + before.heapUsed);
  // Without backpressure each socket would queue the 10 MB log (200 MB in all); the kernel takes a
  // few MB per loopback socket whatever we do, the rest must wait in the log, not in our buffers.
  expect(LOG_BYTES).toBeGreaterThan(9_000_000);
  expect(grown).toBeLessThan(60 * 1024 * 1024);
  expect(stream!.size).toBe(20);
}, 40_000);
