/**
 * Structured logs (pino). Personal data is kept out by structure, whatever a call site passes:
 * identifiers (conversation, user, to, from) are logged as hashes (hashId), free text (text,
 * detail) as its length only, and fields named email/phone/address/name never.
 */
import { pino, stdSerializers, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { hashId, redact } from './redact.js';

export type { Logger };

/** Errors keep their type, code and stack frames; their message goes through redact() (it may quote an id or input). */
function safeError(err: unknown): unknown {
  const out = stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (!out || typeof out !== 'object') return out;
  for (const k of ['message', 'stack'] as const) if (typeof out[k] === 'string') out[k] = redact(out[k] as string);
  return out;
}

const hashed = (v: unknown) => (typeof v === 'string' ? hashId(v) : v);
const lengthOnly = (v: unknown) => (typeof v === 'string' ? `[${v.length} chars]` : v);

/** `destination`: stdout unless given (tests read the real service's log lines). */
export function createLogger(level: string = 'info', destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'support-bot' },
    redact: {
      paths: [
        'password',
        '*.password',
        'authorization',
        '*.authorization',
        'headers.authorization',
        'req.headers.authorization',
        'secret',
        '*.secret',
        'token',
        '*.token',
      ],
      censor: '[redacted]',
    },
    serializers: {
      err: safeError,
      conversation: hashed,
      user: hashed,
      userId: hashed,
      to: hashed,
      from: hashed,
      text: lengthOnly,
      detail: lengthOnly,
      email: () => '[email]',
      phone: () => '[phone]',
      address: () => '[address]',
      name: () => '[name]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
