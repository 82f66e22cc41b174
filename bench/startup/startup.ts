/**
 * Start-up to listening: the command `npm start` runs (`tsx src/main.ts`, without npm's own
 * start), with the real knowledge base, memory state and nothing else configured, timed from
 * spawn to the first 200 from GET /healthz on loopback. A few runs: the first may pay tsx's
 * transpilation (its cache cold after a change), the others are what a restart costs. The RSS of
 * the serving process (tsx runs the service in a child node process) is read once it serves.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface StartupRun {
  ms: number;
  /** CPU (user + system) of tsx and the service's process until then: what load on the machine does not change. */
  cpuMs?: number;
  /** RSS of the process that serves (the node child of tsx), when it could be read. */
  rssMB?: number;
}

export interface StartupResult {
  runs: StartupRun[];
  medianMs: number;
  command: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** pid and its descendants, parents first (Linux /proc). */
function tree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length && i < 16; i++) {
    const p = out[i]!;
    out.push(...readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  }
  return out;
}

/** RSS of the process that serves (the last of the tree) and CPU of the whole tree; undefined off Linux. */
function usageOf(pid: number): { rssMB?: number; cpuMs?: number } {
  try {
    const pids = tree(pid);
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pids[pids.length - 1]}/status`, 'utf8'))?.[1];
    let ticks = 0;
    for (const p of pids) {
      // Fields after the command name: state is field 3, utime 14 and stime 15 (clock ticks of 10 ms).
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return { rssMB: kb ? Number(kb) / 1024 : undefined, cpuMs: ticks * 10 };
  } catch {
    return {};
  }
}

async function once(root: string, timeoutMs: number): Promise<StartupRun> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', REDIS_URL: '', LINE_CHANNEL_SECRET: '', WHATSAPP_APP_SECRET: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`service exited (${code}) before listening: ${stderr.slice(-500)}`))));
  exited.catch(() => undefined);
  try {
    for (;;) {
      if (performance.now() - started > timeoutMs) throw new Error(`not listening after ${timeoutMs} ms`);
      const ok = await Promise.race([
        fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false),
        exited,
      ]);
      if (ok) return { ms: performance.now() - started, ...usageOf(child.pid!) };
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once('exit', r)));
  }
}

export async function measureStartup(root: string, runs: number, timeoutMs = 30_000): Promise<StartupResult> {
  const out: StartupRun[] = [];
  for (let i = 0; i < runs; i++) out.push(await once(root, timeoutMs));
  const sorted = out.map((r) => r.ms).sort((a, b) => a - b);
  return { runs: out, medianMs: sorted[Math.floor(sorted.length / 2)]!, command: 'tsx src/main.ts' };
}
