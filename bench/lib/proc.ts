/**
 * Child processes of the benchmark: TypeScript entry points forked with tsx, an IPC channel for
 * commands and results, a log file for their output, and nothing left running when the
 * benchmark exits (normally, on an error or on Ctrl-C).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const children = new Set<ChildProcess>();
let hooked = false;

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const c of children) c.kill('SIGKILL');
  });
}

export interface BenchChild {
  readonly name: string;
  readonly process: ChildProcess;
  /** Send a command and wait for the reply with the same id (rejects on exit or timeout). */
  request<T>(command: Record<string, unknown>, timeoutMs: number): Promise<T>;
  /** First message of the given type (e.g. "ready"). */
  waitFor<T>(type: string, timeoutMs: number): Promise<T>;
  /** Ask it to stop ("stop" message, so profiles get written), then SIGKILL after graceMs. */
  stop(graceMs?: number): Promise<void>;
  /** Exit code / signal once it has exited; undefined while it runs. */
  exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
}

export interface ForkOptions {
  name: string;
  args?: string[];
  /** Extra node flags (--cpu-prof, --expose-gc). */
  nodeFlags?: string[];
  env?: Record<string, string | undefined>;
  /** Where stdout/stderr go (appended). */
  logFile: string;
}

export function forkTs(script: string, opts: ForkOptions): BenchChild {
  hookExit();
  mkdirSync(dirname(opts.logFile), { recursive: true });
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  const child = fork(script, opts.args ?? [], {
    execArgv: ['--import', 'tsx', ...(opts.nodeFlags ?? [])],
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.add(child);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });

  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitWaiters = new Set<() => void>();
  child.on('exit', (code, signal) => {
    exit = { code, signal };
    children.delete(child);
    for (const w of exitWaiters) w();
    setTimeout(() => log.end(), 50);
  });

  let nextId = 1;
  const waitMessage = <T>(match: (m: Record<string, unknown>) => boolean, what: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: unknown) => {
        const msg = m as Record<string, unknown>;
        if (!match(msg)) return;
        done();
        if (msg.type === 'error') reject(new Error(`${opts.name}: ${String(msg.message)}`));
        else resolve(msg as T);
      };
      const onExit = () => {
        done();
        reject(new Error(`${opts.name} exited (${exit?.code ?? exit?.signal}) while waiting for ${what}; see ${opts.logFile}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${opts.name}: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        exitWaiters.delete(onExit);
      };
      if (exit) return onExit();
      child.on('message', onMessage);
      exitWaiters.add(onExit);
    });

  return {
    name: opts.name,
    process: child,
    request<T>(command: Record<string, unknown>, timeoutMs: number) {
      const id = nextId++;
      const reply = waitMessage<T>((m) => m.id === id, `reply to ${String(command.type)}`, timeoutMs);
      child.send({ ...command, id });
      return reply;
    },
    waitFor<T>(type: string, timeoutMs: number) {
      return waitMessage<T>((m) => m.type === type || (m.type === 'error' && m.id === undefined), `"${type}"`, timeoutMs);
    },
    async stop(graceMs = 5000) {
      if (exit) return;
      const gone = new Promise<void>((r) => exitWaiters.add(r));
      try {
        child.send({ type: 'stop' });
      } catch {
        /* channel already closed */
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await gone;
      clearTimeout(timer);
    },
    exited: () => exit,
  };
}

/** In a child: answer commands from the parent. The handler's result is sent back with the command's id. */
export function serveCommands(handlers: Record<string, (msg: Record<string, unknown>) => Promise<unknown> | unknown>): void {
  process.on('message', async (m: unknown) => {
    const msg = m as Record<string, unknown>;
    const handler = handlers[String(msg.type)];
    try {
      if (!handler) throw new Error(`unknown command ${String(msg.type)}`);
      const result = (await handler(msg)) ?? {};
      process.send?.({ ...(result as object), type: 'result', id: msg.id });
    } catch (err) {
      process.send?.({ type: 'error', id: msg.id, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
  // The parent went away: do not linger.
  process.on('disconnect', () => process.exit(0));
}
