/**
 * Connector and user-token clients reused across turns. Stock CloudAdapter builds, for every turn,
 * a new ConnectorClient (an @azure/core-client ServiceClient with its whole request pipeline) and
 * a new UserTokenClient (another ServiceClient), even for expectReplies turns that never use the
 * connector.
 *
 * `reuseClients(auth)` decorates the adapter's BotFrameworkAuthentication so that both are kept per
 * identity (the caller's app id and audience claims) and serviceUrl (+ audience), in a bounded LRU.
 * Safe: the clients hold no per-turn state; their credentials cache and refresh tokens themselves
 * (the older BotFrameworkAdapter cached connector clients per serviceUrl and app id the same way).
 * The bound matters: in anonymous mode the serviceUrl is whatever the caller sends. A creation
 * that fails is not kept: the next turn tries again.
 *
 * Authentication itself is not cached: every request's JWT is still validated by the inner
 * authentication; only what is built from its result is reused.
 */
import type { CloudAdapter } from 'botbuilder';

type Auth = ConstructorParameters<typeof CloudAdapter>[0] & object;
type AuthResult = Awaited<ReturnType<Auth['authenticateRequest']>>;
type Factory = NonNullable<AuthResult['connectorFactory']>;
type Claims = AuthResult['claimsIdentity'];
type Client = Awaited<ReturnType<Factory['create']>>;
type TokenClient = Awaited<ReturnType<Auth['createUserTokenClient']>>;

export const DEFAULT_MAX_CLIENTS = 256;

/** Least recently used first out; `get` creates on a miss. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string, make: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const value = make();
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
    return value;
  }

  /** Removes the entry only while it is still `value` (a newer one under the same key stays). */
  deleteIf(key: string, value: V): void {
    if (this.map.get(key) === value) this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }
}

/** Kept until it fails: a rejected creation leaves the cache, so the next call creates again. */
function cached<T>(lru: Lru<Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const pending = lru.get(key, make);
  pending.catch(() => lru.deleteIf(key, pending));
  return pending;
}

interface PipelineRequest {
  timeout: number;
  abortSignal?: AbortSignal;
}
interface Pipeline {
  addPolicy(policy: { name: string; sendRequest(req: PipelineRequest, next: (req: PipelineRequest) => Promise<unknown>): Promise<unknown> }): void;
  getOrderedPolicies?(): Array<{ name: string }>;
}

/** Longest slice of start times that share one deadline signal (see sharedDeadline). */
const DEADLINE_SLICE_MS = 100;

/**
 * A deadline signal shared by the requests that start within the same slice of time: it aborts
 * `timeoutMs` after its slice began, so each request's deadline falls between `timeoutMs - slice`
 * and `timeoutMs` after it started, never later. One AbortSignal.timeout per request cost about
 * 50 µs of CPU per reply sent (measured: a new EventTarget, a WeakRef and a FinalizationRegistry entry,
 * and a timer that stays armed for the whole deadline after the reply was sent): a tenth of the send.
 */
export function sharedDeadline(timeoutMs: number, now: () => number = () => performance.now()): () => AbortSignal {
  const slice = Math.max(1, Math.min(DEADLINE_SLICE_MS, Math.floor(timeoutMs / 10)));
  let current: { start: number; signal: AbortSignal } | undefined;
  return () => {
    const t = now();
    if (!current || t - current.start >= slice) {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), timeoutMs).unref();
      current = { start: t, signal: controller.signal };
    }
    return current.signal;
  };
}

/**
 * Every request of a connector client (replies to the caller's serviceUrl) ends within `timeoutMs`,
 * retries included: a serviceUrl that never answers must not hold the turn, and with it the
 * conversation lock and a socket, for minutes. The policy goes in before the client's retry policy,
 * so one deadline covers all attempts.
 */
function withDeadline(client: Client, timeoutMs: number | undefined): Client {
  const pipeline = (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  if (!timeoutMs || !pipeline) return client;
  if (pipeline.getOrderedPolicies?.().some((p) => p.name === 'supportSendDeadline')) return client;
  const deadlineSignal = sharedDeadline(timeoutMs);
  pipeline.addPolicy({
    name: 'supportSendDeadline',
    sendRequest(req, next) {
      const deadline = deadlineSignal();
      req.abortSignal = req.abortSignal ? AbortSignal.any([req.abortSignal, deadline]) : deadline;
      if (!req.timeout || req.timeout > timeoutMs) req.timeout = timeoutMs;
      return next(req);
    },
  });
  return client;
}

/** The claims that decide which credentials a client carries. */
function identityKey(claims: Claims): string {
  const pick = (type: string) => claims.claims.find((c) => c.type === type)?.value ?? '';
  return [claims.isAuthenticated ? 'auth' : 'anon', pick('aud'), pick('appid'), pick('azp'), pick('ver')].join('|');
}

export interface ReusedClients {
  /** Connector clients and user-token clients currently kept. */
  readonly connectors: number;
  readonly tokenClients: number;
}

/**
 * The same authentication, with connector clients (per identity, serviceUrl and audience) and
 * user-token clients (per identity) kept in LRUs of `maxEntries` each.
 */
export function reuseClients(inner: Auth, maxEntries = DEFAULT_MAX_CLIENTS, timeoutMs?: number): Auth & { readonly reused: ReusedClients } {
  const connectors = new Lru<Promise<Client>>(maxEntries);
  const tokenClients = new Lru<Promise<TokenClient>>(maxEntries);

  const cachingFactory = (factory: Factory, id: string): Factory => {
    const wrapped = Object.create(factory) as Factory;
    wrapped.create = (serviceUrl: string, audience?: string) =>
      cached(connectors, `${id}\n${serviceUrl}\n${audience ?? ''}`, async () => withDeadline(await factory.create(serviceUrl, audience), timeoutMs));
    return wrapped;
  };

  // The prototype chain keeps every other member (authenticateChannelRequest, getOriginatingAudience…) the inner one's.
  const auth = Object.create(inner) as Auth & { reused: ReusedClients };
  auth.authenticateRequest = async (activity, authHeader) => {
    const result = await inner.authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: cachingFactory(result.connectorFactory, identityKey(result.claimsIdentity)) } : result;
  };
  auth.createConnectorFactory = (claims) => cachingFactory(inner.createConnectorFactory(claims), identityKey(claims));
  auth.createUserTokenClient = (claims) => cached(tokenClients, identityKey(claims), () => inner.createUserTokenClient(claims));
  Object.defineProperty(auth, 'reused', {
    value: Object.freeze({
      get connectors() {
        return connectors.size;
      },
      get tokenClients() {
        return tokenClients.size;
      },
    }),
  });
  return auth;
}
