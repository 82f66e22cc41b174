/**
 * A server under test, in its own process so that the load generator never shares its event
 * loop. `tsx bench/servers/server-main.ts <restify-echo|botbuilder-echo|service>`; the service
 * uses REDIS_URL from BENCH_REDIS_URL when set and logs at BENCH_LOG_LEVEL (default error). Reports { type: 'ready', url } over IPC, then
 * answers "usage" (CPU and memory, for CPU per turn) and "profileStart"/"profileStop" (a
 * .cpuprofile of the measured phase only) until "stop".
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { createApp, type App } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { chooseKnowledge } from '../lib/knowledge.js';
import { serveCommands } from '../lib/proc.js';
import { createBotbuilderEcho } from './echo-bot.js';
import { createRestifyEcho } from './echo-restify.js';

export type ServerKind = 'restify-echo' | 'botbuilder-echo' | 'service';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
}

async function main(): Promise<void> {
  const kind = process.argv[2] as ServerKind;
  let close: () => Promise<void>;
  let url: string;
  let info: Record<string, unknown> = { kind };

  if (kind === 'service') {
    const chosen = chooseKnowledge();
    const redisUrl = process.env.BENCH_REDIS_URL;
    // All load comes from 127.0.0.1: the per-address limit (meant for anonymous public traffic) is
    // off; the per-conversation limit stays at its default and the load respects it.
    const config = testConfig({
      PORT: '0',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
      RATE_LIMIT_PER_ADDRESS: '0',
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    });
    const app: App = await createApp(config, { knowledgeDir: chosen.dir });
    url = await app.listen(0, '127.0.0.1');
    // As a balancer (and the test harnesses) would: no turns before /readyz says the languages' indexes,
    // built on timers after listening, are built. Otherwise those builds (the Chinese one most of a second)
    // land in the first measured point and its figures are start-up's, not a turn's.
    const until = Date.now() + 60_000;
    while ((await fetch(`${url}/readyz`).then((r) => r.status, () => 0)) !== 200) {
      if (Date.now() > until) throw new Error('/readyz not ready within 60 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    close = () => app.close();
    info = { ...info, storage: app.storage.kind, entries: app.knowledge.entries.length, knowledgeDir: chosen.dir, knowledgeFallback: chosen.fallbackReason };
  } else if (kind === 'restify-echo' || kind === 'botbuilder-echo') {
    const server = kind === 'restify-echo' ? createRestifyEcho() : createBotbuilderEcho();
    url = await listen(server);
    close = () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeAllConnections?.();
      });
  } else {
    throw new Error(`unknown server kind ${kind}`);
  }

  let profiler: Session | undefined;
  serveCommands({
    /** { gc: true } collects first (node --expose-gc): then heapUsed is what the process keeps. */
    usage: (msg) => {
      if (msg.gc) (globalThis as { gc?: () => void }).gc?.();
      return { cpu: process.cpuUsage(), memory: process.memoryUsage() };
    },
    /** --profile: the V8 CPU profiler (what node --cpu-prof uses) around the measured phase only. */
    profileStart: async () => {
      profiler ??= new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
      await profiler.post('Profiler.start');
      return {};
    },
    profileStop: async (msg) => {
      if (!profiler) throw new Error('profiler not started');
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(String(msg.file), JSON.stringify(profile));
      profiler.disconnect();
      return { file: msg.file };
    },
    stop: async () => {
      await Promise.race([close(), new Promise((r) => setTimeout(r, 3000))]);
      process.exit(0); // --cpu-prof writes its profile on this exit
    },
  });
  process.send?.({ type: 'ready', url, info });
}

main().catch((err) => {
  process.send?.({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  console.error(err);
  setTimeout(() => process.exit(1), 50);
});
