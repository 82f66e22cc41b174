/**
 * Structured logs (pino). Message text and personal data are never logged unredacted: log fields
 * named text/email/phone are passed through redact() by the serializers below.
 */
import { pino, type Logger } from 'pino';
import { redact } from './redact.js';

export type { Logger };

const redactString = (v: unknown) => (typeof v === 'string' ? redact(v) : v);

export function createLogger(level: string = 'info'): Logger {
  return pino({
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
      text: redactString,
      email: () => '[email]',
      phone: () => '[phone]',
      address: () => '[address]',
    },
  });
}
