/**
 * The adapter's own cost per turn, in-process, without HTTP in front: CloudAdapter.process on a
 * restify-shaped request and response, an echo turn, expectReplies (no network) and serviceUrl
 * (one reply POSTed to a loopback channel). Stock adapter vs the same adapter with connector and
 * user-token clients reused across turns (reuse-auth.ts). CPU time per turn, after a warm-up.
 * Runs in its own process: `tsx bench/framework/adapter-cost.ts` prints JSON, or the benchmark
 * forks it and asks "run".
 */
import { performance } from 'node:perf_hooks';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { startCapture } from '../load/capture.js';
import { serveCommands } from '../lib/proc.js';
import { reuseClients } from './reuse-auth.js';

export interface AdapterCost {
  variant: 'stock' | 'reuse';
  delivery: 'expectReplies' | 'serviceUrl';
  turns: number;
  cpuUsPerTurn: number;
  wallUsPerTurn: number;
}

function adapter(reuse: boolean): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' });
  return new CloudAdapter(reuse ? reuseClients(auth) : auth);
}

async function measure(a: CloudAdapter, delivery: AdapterCost['delivery'], serviceUrl: string, turns: number): Promise<{ cpuUs: number; wallUs: number }> {
  const res = { status: () => undefined, send: () => undefined, end: () => undefined, header: () => undefined };
  const turn = (i: number) =>
    a.process(
      {
        body: {
          type: 'message',
          id: `a${i}`,
          channelId: 'emulator',
          serviceUrl,
          from: { id: 'user', role: 'user' },
          recipient: { id: 'bot', role: 'bot' },
          conversation: { id: `c${i % 50}` },
          text: 'hello',
          ...(delivery === 'expectReplies' ? { deliveryMode: 'expectReplies' } : {}),
        },
        headers: {},
        method: 'POST',
      } as never,
      res as never,
      async (context) => {
        await context.sendActivity('echo: hello');
      },
    );
  for (let i = 0; i < Math.min(300, turns); i++) await turn(i); // warm-up
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < turns; i++) await turn(i);
  const cpu = process.cpuUsage(cpu0);
  return { cpuUs: (cpu.user + cpu.system) / turns, wallUs: ((performance.now() - t0) * 1000) / turns };
}

export async function adapterCost(turns: number): Promise<AdapterCost[]> {
  const capture = await startCapture();
  const out: AdapterCost[] = [];
  try {
    for (const delivery of ['expectReplies', 'serviceUrl'] as const) {
      // Alternate the variants twice so drift on a shared machine hits both alike; keep the better run of each.
      const best = new Map<'stock' | 'reuse', { cpuUs: number; wallUs: number }>();
      for (const round of [0, 1]) {
        for (const variant of round === 0 ? (['stock', 'reuse'] as const) : (['reuse', 'stock'] as const)) {
          const m = await measure(adapter(variant === 'reuse'), delivery, capture.url, turns);
          capture.clear();
          const prev = best.get(variant);
          if (!prev || m.cpuUs < prev.cpuUs) best.set(variant, m);
        }
      }
      for (const variant of ['stock', 'reuse'] as const) {
        const m = best.get(variant)!;
        out.push({ variant, delivery, turns, cpuUsPerTurn: m.cpuUs, wallUsPerTurn: m.wallUs });
      }
    }
  } finally {
    await capture.close();
  }
  return out;
}

if (process.send) {
  serveCommands({ run: async (msg) => ({ results: await adapterCost(Number(msg.turns)) }), stop: () => process.exit(0) });
  process.send({ type: 'ready' });
} else {
  console.log(JSON.stringify(await adapterCost(Number(process.argv[2] ?? 2000)), null, 2));
}
