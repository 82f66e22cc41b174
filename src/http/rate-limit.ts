/**
 * Per-client-address rate limit for the public, unauthenticated endpoints (web chat tokens and
 * conversations, anonymous /api/messages): a sliding one-minute window per address, per instance.
 * The address is the socket's peer; X-Forwarded-For is not trusted (put limits at the proxy too).
 */
export class AddressLimiter {
  private readonly hits = new Map<string, number[]>();
  private sweeps = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when the request may go on; false when the address is over its limit. */
  allow(address: string): boolean {
    if (this.perMinute <= 0) return true;
    const t = this.now();
    const recent = (this.hits.get(address) ?? []).filter((x) => t - x < 60_000);
    if (recent.length >= this.perMinute) {
      this.hits.set(address, recent);
      return false;
    }
    recent.push(t);
    this.hits.set(address, recent);
    if (++this.sweeps % 1000 === 0) this.sweep(t);
    return true;
  }

  /** Seconds until the oldest hit in the window leaves it. */
  retryAfter(address: string): number {
    const first = this.hits.get(address)?.[0];
    return first === undefined ? 1 : Math.max(1, Math.ceil((60_000 - (this.now() - first)) / 1000));
  }

  private sweep(t: number): void {
    for (const [k, v] of this.hits) if (!v.some((x) => t - x < 60_000)) this.hits.delete(k);
  }
}
