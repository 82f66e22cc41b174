/**
 * What each messaging channel can take, as data: message and text limits, and the ways choices can
 * be shown, in order of preference. The renderer (render-text.ts) reads these profiles, so a dialog's
 * choices render on every channel without the dialog knowing which one it is talking to.
 * Also the delivery policy shared by the platform clients: which failures are worth a retry.
 */

import type { Config } from '../config.js';
import type { Logger } from '../lib/logger.js';
import type { Router } from '../router/router.js';
import type { Storage } from '../state/storage.js';

export type ChoiceKind = 'quickReplies' | 'buttons' | 'list' | 'numbered';

export interface ChoiceStyle {
  kind: Exclude<ChoiceKind, 'numbered'>;
  /** Most items the platform accepts. */
  max: number;
  /** Longest label (title) the platform accepts, in characters. */
  labelMax: number;
  /** A row may carry a description this long (WhatsApp list rows): a long label's rest goes there. */
  descriptionMax?: number;
  /**
   * Labels may be shortened to fit: the tap still sends the full value (and LINE shows the full
   * label as what the customer said), and the full labels are listed, numbered, in the message text.
   */
  truncate?: boolean;
  /** Longest payload carried by a tap (message text, button id, row id). */
  valueMax: number;
}

export interface ChannelCapabilities {
  channelId: string;
  /** Messages one API call may carry. */
  maxMessagesPerCall: number;
  /** Longest text message; longer text is split on sentence boundaries. */
  maxTextLength: number;
  /** Longest text that can travel with interactive choices (WhatsApp interactive body). */
  choiceTextMax: number;
  /** Ways to show choices, best first. Numbered text is always the last resort. */
  choices: ChoiceStyle[];
  /** Label of the button that opens a list. */
  listButtonLabel?: string;
}

export const LINE_CAPABILITIES: ChannelCapabilities = {
  channelId: 'line',
  maxMessagesPerCall: 5,
  maxTextLength: 5000,
  choiceTextMax: 5000,
  choices: [{ kind: 'quickReplies', max: 13, labelMax: 20, truncate: true, valueMax: 300 }],
};

export const WHATSAPP_CAPABILITIES: ChannelCapabilities = {
  channelId: 'whatsapp',
  maxMessagesPerCall: 1,
  maxTextLength: 4096,
  choiceTextMax: 1024,
  choices: [
    { kind: 'buttons', max: 3, labelMax: 20, valueMax: 256 },
    { kind: 'list', max: 10, labelMax: 24, descriptionMax: 72, valueMax: 200 },
  ],
  listButtonLabel: 'Choose',
};

// ---------------------------------------------------------------------------------------------
// Delivery policy

/** What a messaging-platform channel (LINE, WhatsApp) is built from. */
export interface PlatformChannelDeps {
  config: Config;
  router: Pick<Router, 'handle'>;
  storage: Storage;
  logger: Logger;
  now?: () => number;
  retry?: RetryPolicy;
}

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 200, maxDelayMs: 2000 };

/** A platform's answer to a send, reduced to what the retry decision and the logs need. */
export class PlatformError extends Error {
  constructor(
    readonly platform: string,
    /** HTTP status; 0 when the request never got an answer (network error). */
    readonly status: number,
    /** The platform's own error code or message (e.g. WhatsApp 131047, LINE "Invalid reply token"). */
    readonly platformCode: string | undefined,
    message: string,
    readonly retryAfterMs?: number,
    /** The platform says "later" in its own terms (e.g. a throughput error code): worth a retry. */
    private readonly throttled = false,
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  /** Network errors, 429 and 5xx may succeed later; other 4xx fail the same way again. */
  get retryable(): boolean {
    return this.throttled || this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/** Seconds or an HTTP date, as in Retry-After. */
export function parseRetryAfter(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  const secs = Number(header);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Run `send`; on a retryable PlatformError wait (exponential, capped, Retry-After honoured up to the
 * cap) and try again, at most `policy.attempts` times. Anything else is thrown at once.
 */
export async function withRetry<T>(
  send: (attempt: number) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry?: (err: PlatformError, attempt: number, delayMs: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(attempt);
    } catch (err) {
      if (!(err instanceof PlatformError) || !err.retryable || attempt >= policy.attempts) throw err;
      const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
      const delay = Math.min(policy.maxDelayMs, Math.max(backoff, err.retryAfterMs ?? 0));
      onRetry?.(err, attempt, delay);
      await sleep(delay);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Processing after the webhook has been answered

/**
 * Background work per conversation, in arrival order: the webhook answers 200 at once and the turns
 * run here. One queue per conversation keeps a customer's messages in order on this instance (the
 * router's lock does so across instances); drain() waits for everything in flight (shutdown, tests).
 */
export class SerialQueues {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly inflight = new Set<Promise<void>>();

  /** `task` must handle its own errors; a rejection is swallowed so the queue goes on. */
  run(key: string, task: () => Promise<void>): void {
    const next = (this.tails.get(key) ?? Promise.resolve()).then(task).catch(() => undefined);
    this.tails.set(key, next);
    this.inflight.add(next);
    void next.then(() => {
      this.inflight.delete(next);
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
  }

  async drain(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }
}
