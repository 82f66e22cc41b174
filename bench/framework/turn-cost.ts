/**
 * CPU per FAQ turn in-process, without HTTP in front: the service's BotFrameworkChannel.process
 * (what POST /api/messages runs after the body is parsed) on FAQ questions, against the plain
 * botbuilder echo bot's adapter.process, expectReplies and serviceUrl (replies POSTed to a
 * loopback channel), alternating so drift hits both alike. For profiling:
 *   tsx bench/framework/turn-cost.ts [turns] [faq|echo|router|all] [expectReplies,serviceUrl]
 * For figures comparable with a load run, one kind and one delivery per process, 1400 turns (with the
 * 300 of warm-up, each FAQ question asked once); PROFILE=<dir> writes a CPU profile of each measured loop.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { createApp } from '../../src/app.js';
import { activityToTurn } from '../../src/channels/activity.js';
import { testConfig } from '../../src/config.js';
import { LANGS } from '../../src/conversation/lang.js';
import { chooseKnowledge } from '../lib/knowledge.js';
import { startCapture } from '../load/capture.js';
import { answerableQuestions } from '../load/questions.js';
import { FAQ_TURNS_PER_CONVERSATION, LOCALE, loadQuestions } from '../load/scenarios.js';

const turns = Number(process.argv[2] ?? 1400);
const only = process.argv[3] ?? 'all';
const deliveries = (process.argv[4] ?? 'expectReplies,serviceUrl').split(',') as Delivery[];
const capture = await startCapture({ keep: false });
const { questions } = await answerableQuestions(loadQuestions());
const app = await createApp(testConfig({ LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error', RATE_LIMIT_PER_ADDRESS: '0' }), { knowledgeDir: chooseKnowledge().dir, defaultMetrics: false });
// As the service does before /readyz answers (and the load bench waits for it): every language's index built, so that
// no measured turn builds one (the Chinese index alone takes most of a second).
for (const lang of LANGS) app.retriever.indexFor(lang);
const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' });
const echo = new CloudAdapter(auth);

type Delivery = 'expectReplies' | 'serviceUrl';
let run = 0;
/**
 * Each question once per process (warm-up included) unless more turns are asked for than there are
 * questions: the service memoises text readers, and customers' messages rarely repeat, so a
 * question asked again would cost less than under load.
 */
let asked = 0;
function activity(i: number, delivery: Delivery): Record<string, unknown> {
  const q = questions[(asked++ * 7) % questions.length]!;
  const conv = `tc-${run}-${Math.floor(i / FAQ_TURNS_PER_CONVERSATION)}`;
  return {
    type: 'message',
    id: `${conv}-a${i}`,
    channelId: 'emulator',
    serviceUrl: capture.url,
    from: { id: `user-${conv}`, name: 'Customer', role: 'user' },
    recipient: { id: 'bot', name: 'Support bot', role: 'bot' },
    conversation: { id: conv },
    locale: LOCALE[q.market],
    text: q.text,
    ...(delivery === 'expectReplies' ? { deliveryMode: 'expectReplies' } : {}),
  };
}

let replies = 0;
const res = () => {
  let status = 0;
  return {
    status: (n: number) => void (status = n),
    send: (b: unknown) => {
      if (status >= 300) throw new Error(`status ${status}: ${JSON.stringify(b)}`);
      const acts = (b as { activities?: unknown[] } | undefined)?.activities;
      if (acts) replies += acts.length;
    },
    end: () => undefined,
    header: () => undefined,
    setHeader: () => undefined,
  };
};

type Kind = 'faq' | 'echo' | 'router';
async function turn(kind: Kind, i: number, delivery: Delivery): Promise<void> {
  const body = activity(i, delivery);
  const req = { body, headers: {}, method: 'POST' };
  if (kind === 'faq') await app.botFramework.process(req, res());
  else if (kind === 'router') await app.router.handle(activityToTurn(body as Partial<Activity>));
  else
    await echo.process(req as never, res() as never, async (context) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    });
}

async function measure(kind: Kind, delivery: Delivery, n: number): Promise<number> {
  run += 1;
  for (let i = 0; i < Math.min(300, n); i++) await turn(kind, i, delivery);
  run += 1;
  await session?.post('Profiler.start');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await turn(kind, i, delivery);
  const cpu = process.cpuUsage(cpu0);
  void t0;
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${profileDir}/${kind}-${delivery}-${run}.cpuprofile`, JSON.stringify(profile));
  }
  return (cpu.user + cpu.system) / n / 1000;
}

/** PROFILE=<dir>: a V8 CPU profile of each measured loop (not the warm-up, not start-up). */
const profileDir = process.env.PROFILE;
const session = profileDir ? new Session() : undefined;
session?.connect();
await session?.post('Profiler.enable');
await session?.post('Profiler.setSamplingInterval', { interval: 100 });

const kinds: Kind[] = only === 'all' ? ['echo', 'faq', 'router'] : [only as Kind];
const best = new Map<string, number>();
for (const order of only === 'all' ? [kinds, [...kinds].reverse()] : [kinds]) {
  for (const delivery of deliveries) {
    for (const kind of order) {
      if (kind === 'router' && delivery === 'serviceUrl') continue;
      const ms = await measure(kind, delivery, turns);
      const key = `${kind} ${delivery}`;
      best.set(key, Math.min(best.get(key) ?? Infinity, ms));
    }
  }
}
for (const [k, ms] of best) console.log(`${k.padEnd(24)} ${ms.toFixed(3)} ms CPU/turn`);
for (const d of ['expectReplies', 'serviceUrl']) {
  const e = best.get(`echo ${d}`);
  const f = best.get(`faq ${d}`);
  if (e && f) console.log(`faq/echo ${d}: ${(f / e).toFixed(2)}× CPU (echo-equivalent throughput ${(e / f).toFixed(2)}×)`);
}
await app.close();
await capture.close();
process.exit(0);
