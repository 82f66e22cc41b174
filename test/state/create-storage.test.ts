/**
 * createStorage picks the backend from REDIS_URL and never falls back to memory behind the
 * operator's back: an unreachable Redis at start is reported once and fails readiness (ping)
 * until it answers, with no new storage needed.
 */
import { afterAll, expect, it } from 'vitest';
import { createStorage } from '../../src/state/index.js';
import { freePort, getThrowawayRedis } from '../helpers/redis.js';

const server = await getThrowawayRedis();
afterAll(() => server?.stop());

function recordingLogger() {
  const lines: Array<{ level: 'info' | 'warn' | 'error'; msg: string }> = [];
  const at = (level: 'info' | 'warn' | 'error') => (obj: unknown, msg?: string) =>
    lines.push({ level, msg: typeof obj === 'string' ? obj : (msg ?? '') });
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

it('REDIS_URL unset → memory storage', async () => {
  const { logger } = recordingLogger();
  const storage = await createStorage({}, logger);
  expect(storage.kind).toBe('memory');
  await storage.close();
});

it.runIf(server)('unreachable Redis at start → still Redis, one clear line, ping false until it answers', async () => {
  const redis = server!;
  await redis.stop();
  const { lines, logger } = recordingLogger();
  const storage = await createStorage({ REDIS_URL: redis.url }, logger);
  try {
    expect(storage.kind).toBe('redis');
    const problems = lines.filter((l) => l.level !== 'info');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.msg).toBe(
      `redis unreachable at ${redis.url}: connect ECONNREFUSED 127.0.0.1:${redis.port}; readiness will fail until it answers`,
    );
    expect(await storage.ping()).toBe(false);

    await redis.restart();
    await expect.poll(() => storage.ping(), { timeout: 10_000, interval: 100 }).toBe(true);
    expect(lines.at(-1)).toEqual({ level: 'info', msg: 'redis answers again' });
  } finally {
    await storage.close();
  }
});

it('the start-up line masks the password of the URL', async () => {
  const { lines, logger } = recordingLogger();
  const port = await freePort();
  const storage = await createStorage({ REDIS_URL: `redis://support:hunter2@127.0.0.1:${port}/2` }, logger);
  await storage.close();
  expect(lines.map((l) => l.msg)).toEqual([
    `redis unreachable at redis://support:***@127.0.0.1:${port}/2: connect ECONNREFUSED 127.0.0.1:${port}; readiness will fail until it answers`,
  ]);
});

it('a REDIS_URL that is not a redis:// URL list stops the start with a readable error', async () => {
  const { logger } = recordingLogger();
  await expect(createStorage({ REDIS_URL: 'localhost:6379' }, logger)).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  await expect(createStorage({ REDIS_URL: 'redis://127.0.0.1:7000,http://x:1' }, logger)).rejects.toThrow(
    /must start with redis:\/\/ or rediss:\/\//,
  );
});
