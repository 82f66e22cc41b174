/**
 * Builds the whole service from a Config: storage → knowledge → retrieval → router → channels →
 * http server. Used by src/main.ts and by the tests (which listen on port 0).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type { Config } from './config.js';
import { createBotFrameworkChannel, type BotFrameworkChannel } from './channels/bot-framework.js';
import { Outbound } from './channels/outbound.js';
import { createWhatsAppChannel, type WhatsAppChannel } from './channels/whatsapp.js';
import { whatsappRoutes } from './http/routes-whatsapp.js';
import { createDirectLineChannel } from './channels/directline/channel.js';
import { directLineRoutes } from './http/routes-directline.js';
import { webChatPageRoutes } from './http/routes-webchat.js';
import type { LineChannel } from './channels/line.js';
import { lineRoutes } from './http/routes-line.js';
import { handoffInitiator } from './channels/handoff-event.js';
import { HandoffService } from './handoff/service.js';
import { agentRoutes } from './http/routes-agent.js';
import { createLogger, type Logger } from './lib/logger.js';
import { Metrics } from './lib/metrics.js';
import { metricsObserver } from './router/observe.js';
import { metricsRoutes } from './http/routes-metrics.js';
import { reportRoutes } from './http/routes-report.js';
import { botFrameworkRoutes } from './http/routes-bot.js';
import { createHttpServer, type RouteModule } from './http/server.js';
import { LANGS } from './conversation/lang.js';
import { buildIndex } from './retrieval/faq-index.js';
import { sharedKnowledge } from './retrieval/shared-knowledge.js';
import type { Knowledge } from './retrieval/knowledge.js';
import { loadThresholds, Retriever } from './retrieval/decide.js';
import { Router, type RouterDeps } from './router/router.js';
import { dialogEngine } from './router/dialog-engine.js';
import { conversationTtlMs, createStorage } from './state/index.js';
import { keys, type Storage } from './state/storage.js';

export interface App {
  config: Config;
  logger: Logger;
  storage: Storage;
  metrics: Metrics;
  knowledge: Knowledge;
  retriever: Retriever;
  router: Router;
  botFramework: BotFrameworkChannel;
  /** LINE and WhatsApp: undefined when their env vars are unset (their routes then answer 503). */
  whatsapp?: WhatsAppChannel;
  line?: LineChannel;
  /** Proactive sends to a customer on their own channel (agent messages). */
  outbound: Outbound;
  server: Server;
  /** Start listening; resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stop accepting, finish turns in flight, close storage. */
  close(): Promise<void>;
  /** Run `fn` during close(), after turns in flight finished and before storage closes (websockets, timers). */
  onClose(fn: () => Promise<void> | void): void;
}

export interface AppOptions {
  logger?: Logger;
  storage?: Storage;
  knowledgeDir?: string;
  now?: () => number;
  /** Node process metrics in /metrics (default on; tests with many apps turn them off). */
  defaultMetrics?: boolean;
}

/** Pause before each language's index is built after listening (see warmIndexes). */
const WARM_GAP_MS = 50;

export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const logger = opts.logger ?? createLogger(config.LOG_LEVEL);
  const shared = sharedKnowledge(opts.knowledgeDir);
  const { knowledge } = shared;
  // English is indexed now; the other four languages right after the server listens (warmIndexes),
  // or on their first question if one comes sooner (Retriever.indexFor builds what it lacks). An
  // index another app of this process already built over the same knowledge is reused.
  shared.indexes.en ??= buildIndex(knowledge, {}, 'en');
  const retriever = new Retriever(knowledge, { ...shared.indexes }, loadThresholds(knowledge.dir));
  const storage = opts.storage ?? (await createStorage(config, logger));

  const metrics = new Metrics({ defaultMetrics: opts.defaultMetrics, queueLength: async () => (await storage.zRange(keys.handoffQueue())).length });
  const handoff = new HandoffService({
    storage,
    logger,
    knowledge,
    retriever,
    dialogs: dialogEngine,
    ttlMs: conversationTtlMs(config),
    now: opts.now,
    onAccepted: (seconds) => metrics.handoffWait.observe(seconds),
  });
  const routerDeps: RouterDeps = { config, logger, storage, knowledge, retriever, dialogs: dialogEngine, handoff, onTurn: [metricsObserver(metrics)], onHandoff: (reason) => metrics.handoffs.inc({ reason }), now: opts.now };
  const router = new Router(routerDeps);
  const botFramework = createBotFrameworkChannel(config, router, logger, metrics);
  const outbound = new Outbound();
  outbound.register(botFramework.outbound);
  // LINE's SDK (about 15 MB of RSS) is loaded only when LINE is configured (lineConfigured).
  const line = config.LINE_CHANNEL_SECRET && config.LINE_CHANNEL_ACCESS_TOKEN ? (await import('./channels/line.js')).createLineChannel({ config, router, storage, logger, now: opts.now }) : undefined;
  const whatsapp = createWhatsAppChannel({ config, router, storage, logger, now: opts.now });
  for (const channel of [line, whatsapp]) if (channel) outbound.register(channel.outbound);
  const directLine = createDirectLineChannel({
    config,
    router,
    storage,
    logger,
    now: opts.now,
    onCustomerTyping: (key) => void handoff.customerTyping(key).catch((err) => logger.debug({ err }, 'customer typing not published')),
  });
  outbound.register(directLine.outbound);
  handoff.connect({ conversations: router, sender: outbound, initiate: handoffInitiator(botFramework, config) });

  let shuttingDown = false;
  /**
   * One language's index per timer (then the date reader's warm-up), WARM_GAP_MS apart, the first WARM_GAP_MS after listening, so that
   * requests arriving meanwhile (the first health check, the first turns) are read and answered between
   * two builds. With setImmediate the four builds (Chinese alone takes most of a second) ran before the
   * first request after listening could be read: a health check right after start-up waited for all four.
   */
  let warming = true;
  const warmSteps: Array<() => void> = [
    ...LANGS.filter((l) => l !== 'en').map((lang) => () => void (shared.indexes[lang] ??= retriever.indexFor(lang))),
    // The date reader's first parse per locale (chrono-node) costs about 0.2-0.3 s of CPU: here, not in the first customers' turns.
    () => {
      try {
        dialogEngine.warm?.();
      } catch (err) {
        logger.warn({ err }, 'dialog warm-up failed (the first turns pay it instead)');
      }
    },
  ];
  const warmIndexes = (steps = warmSteps) => {
    if (steps.length === 0) warming = false;
    if (shuttingDown || steps.length === 0) return;
    setTimeout(() => {
      if (shuttingDown) return;
      steps[0]!();
      warmIndexes(steps.slice(1));
    }, WARM_GAP_MS).unref();
  };
  const closeHooks: Array<() => Promise<void> | void> = [
    async () => void (await Promise.all([line?.drain(), whatsapp?.drain()])),
    () => handoff.close(),
    () => directLine.close(),
  ];
  const modules: RouteModule[] = [metricsRoutes(metrics), reportRoutes(opts.now), botFrameworkRoutes(botFramework), agentRoutes(handoff), directLineRoutes(directLine), webChatPageRoutes(), lineRoutes(line), whatsappRoutes(whatsapp)];
  const server = createHttpServer({ config, logger, storage, modules, metrics, isShuttingDown: () => shuttingDown, isWarming: () => warming });

  return {
    config,
    logger,
    storage,
    metrics,
    knowledge,
    retriever,
    router,
    botFramework,
    line,
    whatsapp,
    outbound,
    server,
    listen(port = config.PORT, host = config.HOST) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.server.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`);
          warmIndexes();
        });
      });
    },
    async close() {
      if (shuttingDown) return;
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      const drained = await router.drain(10_000);
      if (!drained) logger.warn({ turns: router.turnsInFlight }, 'shutdown: turns still in flight after 10 s');
      // Keep-alive connections become idle once their last response is written: close them as they do.
      server.server.closeIdleConnections?.();
      const idle = setInterval(() => server.server.closeIdleConnections?.(), 50);
      const timer = setTimeout(() => server.server.closeAllConnections?.(), 2_000);
      for (const fn of closeHooks) await Promise.resolve(fn()).catch((err) => logger.warn({ err }, 'close hook failed'));
      await closed;
      clearInterval(idle);
      clearTimeout(timer);
      await storage.close();
    },
    onClose(fn) {
      closeHooks.push(fn);
    },
  };
}
