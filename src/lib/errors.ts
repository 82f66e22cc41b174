/**
 * One table of error codes: a stable code, the HTTP status the edge answers with, and a message.
 * Expected failures inside dialogs are states, not exceptions; these are for the edges and I/O.
 */
export const ERROR_TABLE = {
  BAD_REQUEST: { status: 400, message: 'The request body is not valid.' },
  BAD_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  UNAUTHORIZED: { status: 401, message: 'Missing or invalid credentials.' },
  FORBIDDEN: { status: 403, message: 'Not allowed.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  CONFLICT: { status: 409, message: 'Conflict with the current state.' },
  BOT_LOCK_FAILED: { status: 409, message: 'The conversation is busy; try again.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; slow down.' },
  STORAGE_UNAVAILABLE: { status: 503, message: 'Storage is not reachable.' },
  CHANNEL_NOT_CONFIGURED: { status: 503, message: 'This channel is not configured.' },
  STATE_CONFLICT: { status: 409, message: 'State changed underneath this turn.' },
  KNOWLEDGE_INVALID: { status: 500, message: 'The knowledge base failed validation.' },
  CONFIG_INVALID: { status: 500, message: 'The configuration is not valid.' },
  CHANNEL_SEND_FAILED: { status: 502, message: 'The channel rejected a message.' },
  TURN_FAILED: { status: 500, message: 'The turn failed.' },
} as const;

export type ErrorCode = keyof typeof ERROR_TABLE;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? ERROR_TABLE[code].message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_TABLE[code].status;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** The code to log for any thrown value. */
export function errorCode(err: unknown): ErrorCode {
  return isAppError(err) ? err.code : 'TURN_FAILED';
}
