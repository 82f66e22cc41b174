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
    try {
      req.body = JSON.parse(raw.toString('utf8'));
    } catch (err) {
      throw new AppError('BAD_JSON', undefined, { cause: err });
    }
  };
}

export function sendError(res: Response, err: AppError): void {
  if (res.headersSent) return;
  res.status(err.status);
  res.json({ error: { code: err.code, message: err.message } });
}
