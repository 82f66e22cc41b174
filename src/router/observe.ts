/** Turn observers: metrics derived from what each turn did (kinds sent, dialog transitions, timing). */
import { channelLabel, type Metrics } from '../lib/metrics.js';
import type { TurnEvent } from './router.js';

export function metricsObserver(metrics: Metrics): (e: TurnEvent) => void {
  return (e) => {
    const channel = channelLabel(e.input.channelId);
    if (e.duplicate) {
      metrics.duplicates.inc({ channel });
      return;
    }
    if (e.rateLimited) metrics.rateLimited.inc({ scope: 'conversation' });
    metrics.turnDuration.observe({ channel }, e.durationMs / 1000);
    for (const r of e.replies) {
      metrics.turns.inc({ channel, kind: r.support.kind });
      if (typeof r.support.score === 'number' && (r.support.kind === 'faq' || r.support.kind === 'clarify' || r.support.kind === 'fallback')) {
        metrics.retrievalScore.observe({ decision: r.support.kind }, r.support.score);
      }
    }
    const before = e.dialogBefore;
    const after = e.state.dialog;
    if (after && (!before || before.machine !== after.machine)) {
      const first = e.replies.find((r) => r.support.dialog === after.machine);
      metrics.dialogEvents.inc({ dialog: after.machine, event: 'start', step: first?.support.step ?? 'start' });
    }
    if (before && (!after || after.machine !== before.machine)) {
      const completed = !after && e.state.outcome === 'resolved' && e.replies.some((r) => r.support.dialog === before.machine);
      metrics.dialogEvents.inc({ dialog: before.machine, event: completed ? 'complete' : 'abandon', step: before.step });
    }
  };
}
