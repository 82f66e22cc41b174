/**
 * Prototype of the change recommended for src/channels/bot-framework.ts (the benchmark measures
 * it; src is not changed from here): CloudAdapter builds, for every turn, a new ConnectorClient
 * (an @azure/core-client ServiceClient with its whole request pipeline) and a new UserTokenClient
 * (another ServiceClient), even for expectReplies turns that never use the connector.
 *
 * This decorator of the adapter's BotFrameworkAuthentication keeps both per identity (app id and
 * audience claims) and serviceUrl, in a small LRU, so a turn reuses them. Safe: the clients hold
 * no per-turn state; their credentials cache and refresh tokens themselves (the older
 * BotFrameworkAdapter cached connector clients per serviceUrl and app id the same way). The LRU
 * bound matters: in anonymous mode the serviceUrl is whatever the caller sends.
 */
import type { CloudAdapter } from 'botbuilder';

type Auth = ConstructorParameters<typeof CloudAdapter>[0] & object;
type AuthResult = Awaited<ReturnType<Auth['authenticateRequest']>>;
type Factory = NonNullable<AuthResult['connectorFactory']>;
type Claims = AuthResult['claimsIdentity'];
type Client = Awaited<ReturnType<Factory['create']>>;
type TokenClient = Awaited<ReturnType<Auth['createUserTokenClient']>>;

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
  delete(key: string): void {
    this.map.delete(key);
  }
}

/** The claims that decide which credentials a client carries. */
function identityKey(claims: Claims): string {
  const pick = (type: string) => claims.claims.find((c) => c.type === type)?.value ?? '';
  return [claims.isAuthenticated ? 'auth' : 'anon', pick('aud'), pick('appid'), pick('azp'), pick('ver')].join('|');
}

export function reuseClients(inner: Auth, maxEntries = 256): Auth {
  const connectors = new Lru<Promise<Client>>(maxEntries);
  const tokenClients = new Lru<Promise<TokenClient>>(maxEntries);
  const cachingFactory = (factory: Factory, id: string): Factory => {
    const wrapped = Object.create(factory) as Factory;
    wrapped.create = (serviceUrl: string, audience?: string) => {
      const key = `${id}\n${serviceUrl}\n${audience ?? ''}`;
      const pending = connectors.get(key, () => factory.create(serviceUrl, audience));
      pending.catch(() => connectors.delete(key)); // a failed creation is not kept: the next turn tries again
      return pending;
    };
    return wrapped;
  };
  const auth = Object.create(inner) as Auth;
  auth.authenticateRequest = async (activity, authHeader) => {
    const result = await inner.authenticateRequest(activity, authHeader);
    const id = identityKey(result.claimsIdentity);
    return result.connectorFactory ? { ...result, connectorFactory: cachingFactory(result.connectorFactory, id) } : result;
  };
  auth.createConnectorFactory = (claims) => cachingFactory(inner.createConnectorFactory(claims), identityKey(claims));
  auth.createUserTokenClient = (claims) => {
    const key = identityKey(claims);
    const pending = tokenClients.get(key, () => inner.createUserTokenClient(claims));
    pending.catch(() => tokenClients.delete(key));
    return pending;
  };
  return auth;
}
