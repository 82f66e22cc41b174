/**
 * Redis for tests, by the project's rule: REDIS_URL if set; else 127.0.0.1:6379 if it answers
 * PING; else a throw-away redis-server on a free port. With none of these, a developer's run skips
 * the Redis tests with a loud notice, and CI fails (CI never skips Redis tests).
 *
 * Tests never FLUSHDB a server they do not own: they use unique keys (see uniquePrefix).
 * This file speaks RESP over node:net itself, so ioredis stays in src/state.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
  restart?(): Promise<void>;
  /** True when this helper started the server (FLUSHDB would be allowed; nobody else uses it). */
  owned: boolean;
}

export interface ThrowawayRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** SIGSTOP / SIGCONT: the server keeps its sockets open but answers nothing (a hung server). */
  pause(): void;
  resume(): void;
}

type Reply = string | number | null | Reply[];

/** Send one command and read one reply (RESP2). Rejects on connection errors and after timeoutMs. */
export function redisCommand(url: string, args: Array<string | number>, timeoutMs = 1000): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    let buffer = Buffer.alloc(0);
    const finish = (err: Error | null, reply?: Reply) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(reply ?? null);
    };
    const timer = setTimeout(() => finish(new Error(`no reply from ${url} in ${timeoutMs} ms`)), timeoutMs);
    socket.on('error', (err) => finish(err));
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const parsed = parseReply(buffer, 0);
      if (parsed) parsed.error ? finish(new Error(parsed.error)) : finish(null, parsed.value);
    });
    const parts = args.map(String);
    socket.write(`*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`);
  });
}

function parseReply(buf: Buffer, at: number): { value: Reply; end: number; error?: string } | undefined {
  const eol = buf.indexOf('\r\n', at);
  if (eol < 0) return undefined;
  const line = buf.toString('utf8', at + 1, eol);
  switch (String.fromCharCode(buf[at]!)) {
    case '+':
      return { value: line, end: eol + 2 };
    case '-':
      return { value: null, end: eol + 2, error: line };
    case ':':
      return { value: Number(line), end: eol + 2 };
    case '$': {
      const n = Number(line);
      if (n < 0) return { value: null, end: eol + 2 };
      if (buf.length < eol + 2 + n + 2) return undefined;
      return { value: buf.toString('utf8', eol + 2, eol + 2 + n), end: eol + 2 + n + 2 };
    }
    case '*': {
      const n = Number(line);
      if (n < 0) return { value: null, end: eol + 2 };
      const items: Reply[] = [];
      let end = eol + 2;
      for (let i = 0; i < n; i++) {
        const item = parseReply(buf, end);
        if (!item) return undefined;
        items.push(item.value);
        end = item.end;
      }
      return { value: items, end };
    }
    default:
      throw new Error(`unexpected RESP reply: ${line}`);
  }
}

const answers = (url: string) =>
  redisCommand(url, ['PING'], 500).then(
    (r) => r === 'PONG',
    () => false,
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function hasRedisServer(): Promise<boolean> {
  try {
    await promisify(execFile)('redis-server', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** Children still running when the test process exits are killed with it. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function startServer(port: number, dir: string, extra: string[] = []): Promise<ChildProcess> {
  const log = join(dir, `redis-${port}.log`);
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', [...args, '--dir', dir, '--logfile', log, ...extra], { stdio: 'ignore' });
  // A server a test forgot to stop does not keep the test process alive; the exit hook kills it.
  child.unref();
  running.add(child);
  child.on('exit', () => running.delete(child));
  const url = `redis://127.0.0.1:${port}`;
  return new Promise((resolve, reject) => {
    const tail = () => (existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '(no log)');
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`redis-server on ${port} exited (${code}):\n${tail()}`)));
    waitUntil(() => answers(url), `redis-server on port ${port}`).then(
      () => resolve(child),
      (err: Error) => reject(new Error(`${err.message}:\n${tail()}`)),
    );
  });
}

async function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  // startServer unrefs the process: while we wait for it to exit, it must hold the event loop, or
  // a caller with nothing else running would quit before Redis has stopped.
  child.ref();
  child.kill('SIGCONT');
  child.kill('SIGTERM');
  await exited;
}

/** Always its own redis-server on a free port; restart() brings it back on the same port. */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sb-redis-'));
  let child: ChildProcess | undefined = await startServer(port, dir);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      await stopServer(child);
      child = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
    async restart() {
      await stopServer(child);
      mkdirSync(dir, { recursive: true });
      child = await startServer(port, dir);
    },
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
  };
}

/**
 * A three-master Redis Cluster of throw-away servers; url is the comma-separated seed list that
 * REDIS_URL takes. Needs redis-cli (Debian's redis-tools, a dependency of redis-server).
 */
export async function startThrowawayCluster(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-redis-cluster-'));
  const ports: number[] = [];
  const children: ChildProcess[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const [port, busPort] = [await freePort(), await freePort()];
      ports.push(port);
      const config = ['--cluster-enabled', 'yes', '--cluster-port', String(busPort)];
      children.push(await startServer(port, dir, [...config, '--cluster-config-file', `nodes-${port}.conf`]));
    }
    const nodes = ports.map((p) => `127.0.0.1:${p}`);
    await promisify(execFile)('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes']);
    for (const p of ports) {
      await waitUntil(async () => {
        const info = await redisCommand(`redis://127.0.0.1:${p}`, ['CLUSTER', 'INFO']).catch(() => '');
        return typeof info === 'string' && info.includes('cluster_state:ok');
      }, `cluster state ok on ${p}`);
    }
  } catch (err) {
    await Promise.all(children.map(stopServer));
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: ports.map((p) => `redis://127.0.0.1:${p}`).join(','),
    async stop() {
      await Promise.all(children.map(stopServer));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** No Redis to be had: CI fails; a developer's run gets a loud notice and undefined (skip). */
function unavailable(why: string): undefined {
  if (process.env.CI) throw new Error(`Redis is required in CI: ${why}`);
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! REDIS TESTS SKIPPED: ${why}\n!! Install redis-server (Debian package) to run them; CI never skips them.\n${bar}\n`);
  return undefined;
}

/** Redis to test against, or undefined (outside CI only) when there is none to be had. */
export async function getTestRedis(): Promise<TestRedis | undefined> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => {}, owned: false };
  const local = 'redis://127.0.0.1:6379';
  if (await answers(local)) return { url: local, stop: async () => {}, owned: false };
  if (await hasRedisServer()) {
    const server = await startThrowawayRedis();
    return { url: server.url, stop: server.stop, restart: server.restart, owned: true };
  }
  return unavailable('no REDIS_URL, nothing answers on 127.0.0.1:6379 and redis-server is not installed');
}

/** A throw-away server (tests that stop and restart Redis), or undefined outside CI without one. */
export async function getThrowawayRedis(): Promise<ThrowawayRedis | undefined> {
  if (await hasRedisServer()) return startThrowawayRedis();
  return unavailable('redis-server is not installed; this test needs a server of its own to stop and restart');
}

/** A throw-away three-master cluster, or undefined outside CI without redis-server. */
export async function getThrowawayCluster(): Promise<{ url: string; stop(): Promise<void> } | undefined> {
  if (await hasRedisServer()) return startThrowawayCluster();
  return unavailable('redis-server is not installed; the Redis Cluster run needs it');
}

/** A key prefix no other test (or other run against a shared server) uses. */
export function uniquePrefix(): string {
  return `sb:v1:test:${randomUUID()}:`;
}
