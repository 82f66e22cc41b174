/**
 * Request bodies: read raw bytes up to a limit (413 past it, before any parsing), keep them for
 * signature checks (LINE, WhatsApp), parse JSON (400 when malformed).
 */
import type { Request, Response } from 'restify';
import { AppError } from '../lib/errors.js';

export function readRawBody(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new AppError('PAYLOAD_TOO_LARGE'));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new AppError('PAYLOAD_TOO_LARGE'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => !failed && resolve(Buffer.concat(chunks)));
    req.on('error', (err) => !failed && reject(err));
  });
}

/** Deepest nesting of objects and arrays accepted in a JSON body (activities need well under 20). */
export const MAX_JSON_DEPTH = 32;

/**
 * Nesting depth of a JSON text, counted over the bytes (outside strings) without recursion, so a
 * body nested thousands of levels deep is refused before any parser or validator walks it.
 */
export function jsonDepthExceeds(raw: Buffer, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** JSON.parse of a body already read; 400 when malformed or nested deeper than MAX_JSON_DEPTH. */
export function parseJson(raw: Buffer): unknown {
  if (jsonDepthExceeds(raw)) throw new AppError('BAD_REQUEST', `The JSON body is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`);
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new AppError('BAD_JSON', undefined, { cause: err });
  }
}

/** Pre-handler for JSON routes: sets req.rawBody and (unless rawOnly) req.body. */
export function jsonBody(limit: number) {
  return async (req: Request, _res: Response, rawOnly = false) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    if (req.rawBody) return;
    const raw = await readRawBody(req, limit);
    req.rawBody = raw;
    if (rawOnly) return;
    if (raw.length === 0) {
      req.body = undefined;
      return;
    }
    req.body = parseJson(raw);
  };
}

export function sendError(res: Response, err: AppError): void {
  if (res.headersSent) return;
  res.status(err.status);
  res.json({ error: { code: err.code, message: err.message } });
}
