/**
 * What a Direct Line client may send, parsed at the edge (zod). Unknown fields are dropped, so
 * the stored and echoed activity only carries what the service understands.
 */
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';

/** Longest message text accepted. The router reads at most its own MAX_TEXT and says so. */
export const MAX_ACTIVITY_TEXT = 5000;
/** Largest activity kept in a conversation's log (serialised JSON, bytes). */
export const MAX_ACTIVITY_BYTES = 32 * 1024;
/** Largest `value`, `channelData` and `entities` of an activity, each (serialised JSON, bytes): card submits and Web Chat's own fields are far smaller. */
export const MAX_EXTRA_BYTES = 4 * 1024;
/** Largest log kept per conversation (serialised JSON, bytes); the oldest activities go first. */
export const MAX_LOG_BYTES = 1024 * 1024;

const shortString = (max: number) => z.string().max(max);

export const ClientAccount = z.object({
  id: shortString(256).optional(),
  name: shortString(256).optional(),
  role: shortString(32).optional(),
});

export const InboundActivity = z.object({
  type: z.enum(['message', 'event', 'typing']),
  /** Length is checked separately: too long is 413, not 400. */
  text: z.string().optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  value: z.unknown().optional(),
  name: shortString(256).optional(),
  locale: shortString(35).optional(),
  localTimestamp: shortString(64).optional(),
  localTimezone: shortString(64).optional(),
  from: ClientAccount.optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(16).optional(),
  attachments: z.array(z.record(z.string(), z.unknown())).max(0, 'attachments are not supported').optional(),
});
export type InboundActivity = z.infer<typeof InboundActivity>;

export const StartConversationBody = z
  .object({
    user: ClientAccount.optional(),
    locale: shortString(35).optional(),
  })
  .optional();
export type StartConversationBody = z.infer<typeof StartConversationBody>;

export const GenerateTokenBody = z
  .object({
    /** Honoured only when the caller presents DIRECTLINE_SECRET (a trusted website back end). */
    user: z.object({ id: z.string().regex(/^[\w.:@-]{1,64}$/), name: shortString(256).optional() }).optional(),
  })
  .optional();
export type GenerateTokenBody = z.infer<typeof GenerateTokenBody>;

/** A watermark is the index of the last activity a client has; absent or empty means "from the start". */
export function parseWatermark(raw: unknown): number | undefined | 'invalid' {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^-?\d{1,12}$/.test(raw)) return 'invalid';
  const n = Number(raw);
  return n < -1 ? 'invalid' : n;
}

export const CONVERSATION_ID = /^[\w-]{8,128}$/;

/** The token or secret from `Authorization: Bearer …`. */
export function bearerOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const m = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return m?.[1];
}

/** Parse with a zod schema; the first issue becomes a 400 with its path. */
export function parseBody<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError('BAD_REQUEST', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : undefined);
}
