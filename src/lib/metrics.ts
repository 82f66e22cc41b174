/**
 * Prometheus metrics (prom-client), one registry per app so tests and several apps in one
 * process do not collide. Names are stable: dashboards and alerts depend on them.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Channel ids a label may carry; any other id (the caller chooses it on /api/messages) is counted
 * as `other`, so the series stay a closed set however many ids callers invent.
 */
export const CHANNEL_LABELS = ['directline', 'line', 'whatsapp', 'emulator', 'msteams', 'webchat', 'slack', 'facebook', 'telegram', 'skype', 'test'] as const;

export function channelLabel(channelId: string | undefined): string {
  return channelId && (CHANNEL_LABELS as readonly string[]).includes(channelId) ? channelId : 'other';
}

export class Metrics {
  readonly registry = new Registry();
  readonly turns: Counter<'channel' | 'kind'>;
  readonly turnDuration: Histogram<'channel'>;
  readonly retrievalScore: Histogram<'decision'>;
  readonly dialogEvents: Counter<'dialog' | 'event' | 'step'>;
  readonly handoffs: Counter<'reason'>;
  readonly handoffWait: Histogram;
  readonly queueLength: Gauge;
  readonly errors: Counter<'code'>;
  readonly duplicates: Counter<'channel'>;
  readonly rateLimited: Counter<'scope'>;

  constructor(options: { defaultMetrics?: boolean; queueLength?: () => Promise<number> } = {}) {
    const registers = [this.registry];
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'support_process_' });
    this.turns = new Counter({ name: 'support_turns_total', help: 'Bot replies sent, by channel and reply kind', labelNames: ['channel', 'kind'], registers });
    this.turnDuration = new Histogram({
      name: 'support_turn_duration_seconds',
      help: 'Time to handle one inbound activity (lock to save)',
      labelNames: ['channel'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.retrievalScore = new Histogram({
      name: 'support_retrieval_score',
      help: 'Best retrieval score of questions sent to the knowledge base, by decision',
      labelNames: ['decision'],
      buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
      registers,
    });
    this.dialogEvents = new Counter({
      name: 'support_dialog_events_total',
      help: 'Dialog starts, completions and abandons, by dialog and the step they happened at',
      labelNames: ['dialog', 'event', 'step'],
      registers,
    });
    this.handoffs = new Counter({ name: 'support_handoffs_total', help: 'Hand-offs requested, by reason', labelNames: ['reason'], registers });
    this.handoffWait = new Histogram({
      name: 'support_handoff_wait_seconds',
      help: 'Time from queueing to an agent accepting',
      buckets: [5, 15, 30, 60, 120, 300, 600, 1800, 3600],
      registers,
    });
    const queueLength = options.queueLength;
    this.queueLength = new Gauge({
      name: 'support_handoff_queue_length',
      help: 'Conversations waiting for an agent',
      registers,
      async collect() {
        if (queueLength) this.set(await queueLength().catch(() => 0));
      },
    });
    this.errors = new Counter({ name: 'support_errors_total', help: 'Errors by code', labelNames: ['code'], registers });
    this.duplicates = new Counter({ name: 'support_duplicate_activities_total', help: 'Redelivered activities dropped', labelNames: ['channel'], registers });
    this.rateLimited = new Counter({ name: 'support_rate_limited_total', help: 'Requests refused by rate limits', labelNames: ['scope'], registers });
  }

  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
