/**
 * Start-up to listening, the way `npm start` runs (without npm's own CLI): the package's
 * `prestart` script (the build step: `tsc -b` when a source is newer than the last build, src/tools/build-if-stale.mjs) and then its
 * `start` script, each through `sh -c` with node_modules/.bin on PATH as npm does, read from
 * package.json so the measure follows the scripts. Real knowledge base, memory state and nothing
 * else configured; timed from the spawn of `prestart` to the first 200 from GET /healthz on
 * loopback. A few runs: the first may pay a build when the sources changed since the last one, the
 * others are what a restart costs. The RSS of the serving process is read once it serves.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';

export interface StartupRun {
  ms: number;
  /** CPU (user + system) of the prestart step and the service's processes until then: what load on the machine does not change. */
  cpuMs?: number;
  /** RSS of the process that serves, when it could be read. */
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

/** CPU of this process's children that have exited and been waited for (Linux /proc), in ms. */
function reapedChildrenCpuMs(): number | undefined {
  try {
    // Fields after the command name: cutime is field 16 and cstime 17 (clock ticks of 10 ms).
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** The `prestart` and `start` scripts of package.json, as `npm start` would run them. */
export function startScripts(root: string): { prestart?: string; start: string } {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  if (!scripts.start) throw new Error('package.json has no start script');
  return { prestart: scripts.prestart, start: scripts.start };
}

async function once(root: string, timeoutMs: number): Promise<StartupRun> {
  const port = await freePort();
  const { prestart, start } = startScripts(root);
  const env = {
    ...process.env,
    PATH: `${join(root, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    REDIS_URL: '',
    LINE_CHANNEL_SECRET: '',
    WHATSAPP_APP_SECRET: '',
  };
  const started = performance.now();
  const cpuBefore = reapedChildrenCpuMs();
  if (prestart) {
    const pre = spawn('sh', ['-c', prestart], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    pre.stderr?.on('data', (d) => (err += String(d)));
    const code = await new Promise<number | null>((r) => pre.once('exit', r));
    if (code !== 0) throw new Error(`prestart (${prestart}) exited ${code}: ${err.slice(-500)}`);
  }
  const cpuAfterPrestart = reapedChildrenCpuMs();
  const prestartCpuMs = cpuBefore === undefined || cpuAfterPrestart === undefined ? undefined : cpuAfterPrestart - cpuBefore;
  // A process group of its own, so that stopping it stops the service too when sh did not exec it.
  const child = spawn('sh', ['-c', start], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
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
      if (ok) {
        const ms = performance.now() - started;
        const usage = usageOf(child.pid!);
        return { ms, ...usage, cpuMs: usage.cpuMs === undefined || prestartCpuMs === undefined ? undefined : usage.cpuMs + prestartCpuMs };
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once('exit', r)));
  }
}

export async function measureStartup(root: string, runs: number, timeoutMs = 30_000): Promise<StartupResult> {
  const out: StartupRun[] = [];
  for (let i = 0; i < runs; i++) out.push(await once(root, timeoutMs));
  const sorted = out.map((r) => r.ms).sort((a, b) => a - b);
  const { prestart, start } = startScripts(root);
  return { runs: out, medianMs: sorted[Math.floor(sorted.length / 2)]!, command: prestart ? `${prestart} && ${start}` : start };
}
