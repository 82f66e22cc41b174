/**
 * The quick benchmark as CI runs it: the baselines and the service (memory and Redis state, FAQ and
 * repair-booking turns, both deliveries) under a little load, retrieval and memory at small sizes.
 * It must finish without a single error; speed is never asserted here (the machine is shared).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hasRedisServer } from '../helpers/redis.js';
import type { BenchResults } from '../../bench/types.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sb-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runQuick(out: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', '--out', out], { cwd: ROOT, env: { ...process.env } });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('npm run bench -- --quick', () => {
  it('runs every section and the service never fails under load', { timeout: 280_000 }, async () => {
    const out = join(dir, 'quick.json');
    const { code, output } = await runQuick(out);
    const results = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;

    expect(results.failures, output.slice(-4000)).toEqual([]);
    expect(code, output.slice(-4000)).toBe(0);

    const servers = new Set(results.load.points.map((p) => p.server));
    expect([...servers]).toEqual(expect.arrayContaining(['restify-echo', 'botbuilder-echo', 'service/memory']));
    if (process.env.CI || (await hasRedisServer())) expect(servers.has('service/redis')).toBe(true);
    for (const p of results.load.points) {
      expect(p.turns, `${p.server} ${p.scenario} ${p.delivery} c=${p.concurrency}`).toBeGreaterThan(0);
      expect(Object.values(p.errors).every((n) => n === 0)).toBe(true);
    }
    const faq = results.load.points.filter((p) => p.scenario === 'faq');
    expect(faq.reduce((n, p) => n + (p.replyKinds.faq ?? 0), 0)).toBeGreaterThan(0);

    // Retrieval is measured in each of the five languages, on the real knowledge base and a synthetic one.
    expect(results.retrieval?.points.map((p) => p.label)).toEqual([
      'real', 'real zh-TW', 'real ko', 'real fr', 'real pt',
      'synthetic 1k', 'synthetic 1k zh-TW', 'synthetic 1k ko', 'synthetic 1k fr', 'synthetic 1k pt',
    ]);
    expect(results.memory?.points.length).toBeGreaterThan(0);
    expect(results.startup?.runs.length).toBeGreaterThan(0);
    // Every target of issue 14 has its row, whether or not this quick run can judge it.
    const names = results.targets.map((t) => t.name);
    for (const want of [/serviceUrl/, /expectReplies/, /Start-up/, /RSS/]) expect(names.some((n) => want.test(n)), String(want)).toBe(true);
    for (const lang of ['en', 'zh-TW', 'ko', 'fr', 'pt']) expect(names, lang).toContain(`Retrieval p99, real knowledge base, ${lang}`);
    expect(output).toMatch(/Targets/);
  });
});
