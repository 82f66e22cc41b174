/**
 * Live events for the agent console. Every instance publishes to one Storage pub/sub channel and
 * every instance's hub fans what it receives out to its own console connections (SSE), so an
 * agent connected to instance A sees a customer message that instance B received.
 */
import type { Logger } from '../lib/logger.js';
import type { TranscriptLine } from '../conversation/conversation.js';
import { keys, type Storage } from '../state/storage.js';
import type { HandoffStatus } from './record.js';

export type AgentEvent =
  | { type: 'queue'; action: 'queued' | 'accepted' | 'ended' | 'left'; id: string; status: HandoffStatus; agent?: string; at: number }
  | { type: 'message'; id: string; line: TranscriptLine }
  /** The customer is typing (channels that report it: web chat). */
  | { type: 'typing'; id: string; from: 'user'; at: number }
  /** Sent to each console connection first: the stream is live. */
  | { type: 'ready' };

export type AgentEventListener = (event: AgentEvent) => void;

const CHANNEL = keys.channel('agent-events');

export class AgentEventHub {
  private readonly listeners = new Set<AgentEventListener>();
  private readonly closers = new Set<() => void>();
  private subscription?: Promise<() => Promise<void>>;

  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
  ) {}

  async publish(event: AgentEvent): Promise<void> {
    await this.storage.publish(CHANNEL, JSON.stringify(event)).catch((err) => this.logger.warn({ err }, 'agent event not published'));
  }

  /** Listen to events from every instance; `onClose` runs when the service shuts down. Returns the unsubscribe function. */
  async listen(listener: AgentEventListener, onClose?: () => void): Promise<() => void> {
    if (!this.subscription) {
      this.subscription = this.storage.subscribe(CHANNEL, (message) => this.dispatch(message));
      this.subscription.catch(() => (this.subscription = undefined)); // retried by the next listener
    }
    await this.subscription;
    this.listeners.add(listener);
    if (onClose) this.closers.add(onClose);
    return () => {
      this.listeners.delete(listener);
      if (onClose) this.closers.delete(onClose);
    };
  }

  /** Shutdown: end every live console stream, then drop the subscription. */
  async close(): Promise<void> {
    for (const c of [...this.closers]) c();
    this.closers.clear();
    this.listeners.clear();
    const unsubscribe = await this.subscription?.catch(() => undefined);
    this.subscription = undefined;
    await unsubscribe?.().catch(() => undefined);
  }

  get size(): number {
    return this.listeners.size;
  }

  private dispatch(message: string): void {
    let event: AgentEvent;
    try {
      event = JSON.parse(message) as AgentEvent;
    } catch {
      return;
    }
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (err) {
        this.logger.warn({ err }, 'agent event listener failed');
      }
    }
  }
}
