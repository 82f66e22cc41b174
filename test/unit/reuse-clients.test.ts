/**
 * reuseClients (src/channels/reuse-clients.ts): connector and user-token clients kept across turns
 * per identity + serviceUrl + audience, in a bounded LRU; a failed creation is not kept. The send
 * deadline's signal is shared by the requests of a short slice of time and never fires late.
 */
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reuseClients, sharedDeadline } from '../../src/channels/reuse-clients.js';

type Auth = Parameters<typeof reuseClients>[0];
type Claims = Awaited<ReturnType<Auth['authenticateRequest']>>['claimsIdentity'];

const claims = (appId: string): Claims => ({ isAuthenticated: true, authenticationType: 'test', claims: [{ type: 'aud', value: appId }, { type: 'appid', value: appId }], getClaimValue: () => null }) as unknown as Claims;

/** An authentication whose clients are plain objects naming what they were created for; creations counted. */
function fakeAuth(opts: { failConnector?: () => boolean; failToken?: () => boolean } = {}) {
  const made = { connectors: 0, tokenClients: 0 };
  const factoryFor = (identity: Claims) => ({
    async create(serviceUrl: string, audience?: string) {
      made.connectors += 1;
      if (opts.failConnector?.()) throw new Error('token endpoint unreachable');
      return { serviceUrl, audience, identity, n: made.connectors };
    },
  });
  const auth = {
    async authenticateRequest(activity: Partial<Activity>, header: string) {
      const identity = claims(header || 'anonymous');
      return { audience: 'https://api.botframework.com', callerId: undefined, claimsIdentity: identity, connectorFactory: factoryFor(identity) };
    },
    createConnectorFactory: (identity: Claims) => factoryFor(identity),
    async createUserTokenClient(identity: Claims) {
      made.tokenClients += 1;
      if (opts.failToken?.()) throw new Error('token service unreachable');
      return { identity, n: made.tokenClients };
    },
    getOriginatingAudience: () => 'inner-audience',
  };
  return { auth: auth as unknown as Auth, made };
}

const activity = (serviceUrl: string) => ({ type: 'message', serviceUrl }) as Activity;

describe('reuseClients', () => {
  it('reuses the connector client for the same identity, serviceUrl and audience; another serviceUrl, audience or identity gets its own', async () => {
    const { auth: inner, made } = fakeAuth();
    const auth = reuseClients(inner);
    const a = await auth.authenticateRequest(activity('https://a.example/'), 'app-1');
    const b = await auth.authenticateRequest(activity('https://a.example/'), 'app-1');
    const first = await a.connectorFactory!.create('https://a.example/', 'aud');
    expect(await b.connectorFactory!.create('https://a.example/', 'aud')).toBe(first);
    expect(made.connectors).toBe(1);

    const otherUrl = await b.connectorFactory!.create('https://b.example/', 'aud');
    expect(otherUrl).not.toBe(first);
    expect(await a.connectorFactory!.create('https://a.example/', 'other-aud')).not.toBe(first);
    const otherApp = await auth.authenticateRequest(activity('https://a.example/'), 'app-2');
    expect(await otherApp.connectorFactory!.create('https://a.example/', 'aud')).not.toBe(first);
    expect(made.connectors).toBe(4);

    // Proactive sends (createConnectorFactory) share the cache with turns of the same identity.
    expect(await auth.createConnectorFactory(claims('app-1')).create('https://b.example/', 'aud')).toBe(otherUrl);
    expect(made.connectors).toBe(4);
  });

  it('reuses the user-token client per identity', async () => {
    const { auth: inner, made } = fakeAuth();
    const auth = reuseClients(inner);
    const t1 = await auth.createUserTokenClient(claims('app-1'));
    expect(await auth.createUserTokenClient(claims('app-1'))).toBe(t1);
    expect(await auth.createUserTokenClient(claims('app-2'))).not.toBe(t1);
    expect(made.tokenClients).toBe(2);
  });

  it('keeps every request authenticated and the inner members it does not wrap', async () => {
    const { auth: inner } = fakeAuth();
    let calls = 0;
    const counting = Object.assign(Object.create(inner) as Auth, {
      authenticateRequest: (a: Activity, h: string) => {
        calls += 1;
        return inner.authenticateRequest(a, h);
      },
    });
    const auth = reuseClients(counting);
    for (let i = 0; i < 3; i++) await auth.authenticateRequest(activity('https://a.example/'), 'app-1');
    expect(calls).toBe(3);
    expect(auth.getOriginatingAudience()).toBe('inner-audience');
  });

  it('holds at most maxEntries clients, least recently used out first', async () => {
    const { auth: inner, made } = fakeAuth();
    const auth = reuseClients(inner, 3);
    const factory = auth.createConnectorFactory(claims('app-1'));
    const url = (i: number) => `https://s${i}.example/`;
    const c0 = await factory.create(url(0));
    const c1 = await factory.create(url(1));
    await factory.create(url(2));
    expect(await factory.create(url(0))).toBe(c0); // s0 used again: s1 is now the oldest
    await factory.create(url(3)); // evicts s1
    expect(auth.reused.connectors).toBe(3);
    expect(made.connectors).toBe(4);
    expect(await factory.create(url(0))).toBe(c0);
    expect(await factory.create(url(1))).not.toBe(c1); // created again
    expect(made.connectors).toBe(5);

    for (let i = 0; i < 1000; i++) await factory.create(url(i));
    expect(auth.reused.connectors).toBe(3);
    for (let i = 0; i < 10; i++) await auth.createUserTokenClient(claims(`app-${i}`));
    expect(auth.reused.tokenClients).toBe(3);
  });

  it('does not keep a failed creation: the next call tries again', async () => {
    let failConnector = true;
    let failToken = true;
    const { auth: inner, made } = fakeAuth({ failConnector: () => failConnector, failToken: () => failToken });
    const auth = reuseClients(inner);
    const factory = auth.createConnectorFactory(claims('app-1'));
    await expect(factory.create('https://a.example/')).rejects.toThrow('token endpoint unreachable');
    await expect(factory.create('https://a.example/')).rejects.toThrow('token endpoint unreachable');
    expect(made.connectors).toBe(2);
    failConnector = false;
    const ok = await factory.create('https://a.example/');
    expect(await factory.create('https://a.example/')).toBe(ok);
    expect(made.connectors).toBe(3);

    await expect(auth.createUserTokenClient(claims('app-1'))).rejects.toThrow('token service unreachable');
    failToken = false;
    const t = await auth.createUserTokenClient(claims('app-1'));
    expect(await auth.createUserTokenClient(claims('app-1'))).toBe(t);
    expect(made.tokenClients).toBe(2);
  });

  it('works over botbuilder’s own authentication (anonymous, as with the Emulator)', async () => {
    const auth = reuseClients(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' }));
    const turn = async (serviceUrl: string) => {
      const result = await auth.authenticateRequest(activity(serviceUrl), '');
      return {
        connector: await result.connectorFactory!.create(serviceUrl, result.audience),
        tokens: await auth.createUserTokenClient(result.claimsIdentity),
      };
    };
    const a = await turn('http://127.0.0.1:9/a');
    const b = await turn('http://127.0.0.1:9/a');
    expect(b.connector).toBe(a.connector);
    expect(b.tokens).toBe(a.tokens);
    expect((await turn('http://127.0.0.1:9/b')).connector).not.toBe(a.connector);
  });
});

describe('sharedDeadline', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('aborts every request within its deadline, never after it, sharing one signal per slice of start times', () => {
    vi.useFakeTimers();
    const deadline = sharedDeadline(1000, () => Date.now());
    const starts: Array<{ at: number; signal: AbortSignal; abortedAt?: number }> = [];
    const start = () => {
      const s: { at: number; signal: AbortSignal; abortedAt?: number } = { at: Date.now(), signal: deadline() };
      s.signal.addEventListener('abort', () => (s.abortedAt ??= Date.now()));
      starts.push(s);
    };
    for (let i = 0; i < 30; i++) {
      start();
      vi.advanceTimersByTime(17);
    }
    // 30 requests over ~0.5 s: a few shared signals, not one each, and not one for all.
    const signals = new Set(starts.map((s) => s.signal));
    expect(signals.size).toBeGreaterThan(1);
    expect(signals.size).toBeLessThan(10);
    expect(starts.every((s) => !s.signal.aborted)).toBe(true);
    vi.advanceTimersByTime(2000);
    for (const s of starts) {
      expect(s.abortedAt! - s.at).toBeLessThanOrEqual(1000);
      expect(s.abortedAt! - s.at).toBeGreaterThanOrEqual(900);
      expect((s.signal.reason as DOMException).name).toBe('TimeoutError');
    }
  });
});
