/**
 * The service as a real child process (`node --import tsx src/main.ts`) on a loopback port: spawn,
 * wait until /readyz answers 200, kill (SIGKILL, a crash) or stop (SIGTERM, a deploy), and a
 * registry so that no child outlives its test, whatever happens to the test.
 *
 * Every child started here is killed by killAllServices() (call it in afterEach/afterAll), with
 * SIGKILL when the test process exits, and exits by itself when the test process is gone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './redis.js';

export { freePort };

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * Preloaded into each child: its stdin is a pipe from this process, so when this process dies in
 * any way (a test worker killed with SIGKILL runs no exit hook) the pipe closes and the child exits.
 */
const EXIT_WITH_PARENT = 'data:text/javascript,process.stdin.on("end",()=>process.exit(70)).resume()';
const LOG_TAIL_CHARS = 8000;

export interface ServiceProcess {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** The last few KB of the child's stdout and stderr (for failure messages). */
  output(): string;
  /** True once the child has exited (whatever the reason). */
  readonly exited: boolean;
  /** Resolves with the exit code or signal once the child has exited. */
  whenExited: Promise<number | NodeJS.Signals | null>;
  /** Kill at once with SIGKILL (a crash: no shutdown hook runs, locks are not released). */
  kill(): Promise<void>;
  /** SIGTERM (graceful shutdown), SIGKILL if still running after graceMs. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  /** Environment on top of a minimal one (PATH, HOME); PORT and HOST are set here. */
  env: Record<string, string>;
  /** How long to wait for /readyz 200 (start-up loads knowledge and builds the index). */
  readyTimeoutMs?: number;
}

const running = new Set<ServiceProcess>();
process.on('exit', () => {
  for (const p of running) p.child.kill('SIGKILL');
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** GET a path with a deadline; resolves with the status, or 0 when nothing answered. */
export async function httpStatus(url: string, timeoutMs = 2000): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Poll GET url until it answers `status`; throws after timeoutMs (with `describe()` in the message). */
export async function waitForStatus(url: string, status: number, timeoutMs: number, describe: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 0;
  for (;;) {
    last = await httpStatus(url, 1000);
    if (last === status) return;
    if (Date.now() > deadline) throw new Error(`${url} answered ${last || 'nothing'}, not ${status}, within ${timeoutMs} ms\n${describe()}`);
    await sleep(50);
  }
}

function startChild(port: number, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ['--import', EXIT_WITH_PARENT, '--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-LOG_TAIL_CHARS);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  const whenExited = new Promise<number | NodeJS.Signals | null>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      running.delete(svc);
      resolve(signal ?? code);
    });
    child.once('error', (err) => {
      keep(Buffer.from(`spawn failed: ${err.message}\n`));
      exited = true;
      running.delete(svc);
      resolve(null);
    });
  });
  const svc: ServiceProcess = {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? -1,
    child,
    output: () => tail,
    get exited() {
      return exited;
    },
    whenExited,
    async kill() {
      if (!exited) child.kill('SIGKILL');
      await whenExited;
    },
    async stop(graceMs = 5000) {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await whenExited;
      clearTimeout(timer);
    },
  };
  running.add(svc);
  return svc;
}

/**
 * Spawn one service process on a free loopback port and wait until /readyz answers 200. A port
 * taken between freePort() and listen() (another test) is retried on a new port.
 */
export async function spawnService(opts: SpawnOptions): Promise<ServiceProcess> {
  const readyTimeoutMs = opts.readyTimeoutMs ?? 45_000;
  for (let attempt = 1; ; attempt++) {
    const svc = startChild(await freePort(), opts.env);
    const exitedEarly = svc.whenExited.then((how) => {
      throw new Error(`service on ${svc.url} exited (${String(how)}) before it was ready:\n${svc.output()}`);
    });
    try {
      await Promise.race([waitForStatus(`${svc.url}/readyz`, 200, readyTimeoutMs, svc.output), exitedEarly]);
      exitedEarly.catch(() => undefined); // it may still exit later: that is the test's business
      return svc;
    } catch (err) {
      exitedEarly.catch(() => undefined);
      await svc.kill();
      if (attempt < 3 && /EADDRINUSE/.test(svc.output())) continue;
      throw err;
    }
  }
}

/** Every child spawned here and still running. */
export function runningServices(): ServiceProcess[] {
  return [...running];
}

/** SIGKILL every child still running and wait for them to exit (afterEach / afterAll). */
export async function killAllServices(): Promise<void> {
  await Promise.all([...running].map((p) => p.kill()));
}
