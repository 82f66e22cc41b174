/**
 * The only reader of process.env. One zod schema, parsed once; on failure the process prints a
 * readable list of what is wrong and exits non-zero (see loadConfigOrExit).
 */
import { z } from 'zod';
import { MARKETS } from './lib/types.js';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const int = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(def));

export const Config = z.object({
  PORT: int(3978, 0, 65535),
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  NODE_ENV: optionalString,

  /** Bot Framework. Empty MicrosoftAppId → anonymous, as with the Emulator. */
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.preprocess(emptyToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant')),
  MicrosoftAppTenantId: optionalString,
  /** For tests of JWT validation only: where OpenID metadata is fetched from. */
  BOT_OPENID_METADATA_URL: z.preprocess(emptyToUndefined, z.url().optional()),

  /** State: unset → in memory (one process); set → Redis. Comma-separated list → cluster. */
  REDIS_URL: optionalString,
  CONVERSATION_TTL_DAYS: int(30, 1, 3650),
  LOCK_WAIT_MS: int(5000, 100, 60000),
  LOCK_TTL_MS: int(15000, 1000, 120000),

  DEFAULT_MARKET: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toUpperCase()) : v),
    z.enum(MARKETS).optional(),
  ),

  /** Direct Line (web chat): secret used to sign tokens. Generated per process when unset (one instance only). */
  DIRECTLINE_SECRET: optionalString,
  DIRECTLINE_TOKEN_TTL_SECONDS: int(1800, 1200, 86400), // Web Chat refreshes every 15 min: shorter tokens would expire first

  LINE_CHANNEL_SECRET: optionalString,
  LINE_CHANNEL_ACCESS_TOKEN: optionalString,
  LINE_API_BASE_URL: z.preprocess(emptyToUndefined, z.url().default('https://api.line.me')),

  WHATSAPP_VERIFY_TOKEN: optionalString,
  WHATSAPP_APP_SECRET: optionalString,
  WHATSAPP_ACCESS_TOKEN: optionalString,
  WHATSAPP_PHONE_NUMBER_ID: optionalString,
  WHATSAPP_API_BASE_URL: z.preprocess(emptyToUndefined, z.url().default('https://graph.facebook.com/v21.0')),

  /** Agents: bearer token for /api/agent and the console. Unset → agent routes answer 401 (console disabled). */
  AGENT_TOKEN: optionalString,

  /** Customer messages per conversation per minute before the bot asks them to slow down (0: off). */
  RATE_LIMIT_PER_CONVERSATION: int(30, 0, 10000),
  /** Requests per client address per minute on the public endpoints (web chat, anonymous /api/messages); 0: off. */
  RATE_LIMIT_PER_ADDRESS: int(600, 0, 1_000_000),

  /** Web chat sockets open at once on one instance: per conversation (a token is bound to one) and per client address (0: off). */
  DIRECTLINE_SOCKETS_PER_CONVERSATION: int(4, 1, 100),
  DIRECTLINE_SOCKETS_PER_ADDRESS: int(64, 0, 100_000),

  /** Upper bound on request bodies, bytes. */
  MAX_BODY_BYTES: int(262144, 1024, 10 * 1024 * 1024),
});
export type Config = z.infer<typeof Config>;

/**
 * Deadline of one outbound HTTP call (Bot Framework connector, LINE, WhatsApp): well inside the
 * conversation lock, so a channel that never answers cannot outlive the lock and let a second turn
 * of the same conversation run beside the first.
 */
export function sendTimeoutMs(config: Pick<Config, 'LOCK_TTL_MS'>): number {
  return Math.max(500, Math.min(10_000, Math.floor(config.LOCK_TTL_MS / 3)));
}

export class ConfigError extends Error {
  constructor(readonly details: string) {
    super(`Invalid configuration:\n${details}`);
    this.name = 'ConfigError';
  }
}

/** Parse an environment (process.env by default). Throws ConfigError with a readable list. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Config.safeParse(env);
  if (!parsed.success) throw new ConfigError(z.prettifyError(parsed.error));
  return parsed.data;
}

/** For tests and tools: defaults plus overrides, never touching process.env. */
export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', ...overrides });
}
