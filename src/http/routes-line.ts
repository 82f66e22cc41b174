/**
 * POST /api/line: the LINE webhook. The signature is checked over the raw bytes before anything is
 * parsed; the events are accepted (redeliveries dropped), LINE gets its 200 at once, and the turns
 * run afterwards. 503 with a clear error when LINE is not configured.
 */
import type { Request, Response } from 'restify';
import type { LineChannel } from '../channels/line.js';
import { AppError, isAppError } from '../lib/errors.js';
import { parseJson, readRawBody, sendError } from './body.js';
import type { Handler, HttpContext, RouteModule } from './server.js';

/**
 * Read the raw body ourselves first, so the signature is checked before any JSON parsing (a forged
 * request with a malformed body is a 401, not a 400). The wrapper then skips its own parsing.
 */
export function rawBodyRoute(http: HttpContext, handler: Handler): Handler {
  const wrapped = http.route(handler, { rawOnly: true });
  return async (req: Request, res: Response) => {
    try {
      req.rawBody ??= await readRawBody(req, http.config.MAX_BODY_BYTES);
    } catch (err) {
      sendError(res, isAppError(err) ? err : new AppError('BAD_REQUEST', undefined, { cause: err }));
      return;
    }
    await wrapped(req, res);
  };
}

/** JSON.parse of a verified body: 400 when malformed. */
export function parseVerified(raw: Buffer): unknown {
  if (raw.length === 0) throw new AppError('BAD_REQUEST', 'The request body is empty.');
  return parseJson(raw);
}

export function notConfigured(res: Response, channel: string): void {
  res.status(503);
  res.json({ error: { code: 'CHANNEL_NOT_CONFIGURED', message: `${channel} channel not configured` } });
}

export function lineRoutes(channel: LineChannel | undefined): RouteModule {
  return (server, http) => {
    server.post(
      '/api/line',
      rawBodyRoute(http, async (req, res) => {
        if (!channel) return notConfigured(res, 'LINE');
        const raw = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0);
        const signature = req.header('x-line-signature') || undefined;
        if (!channel.verify(raw, signature)) throw new AppError('UNAUTHORIZED', 'Missing or invalid x-line-signature.');
        const scheduled = await channel.accept(parseVerified(raw), raw);
        res.status(200);
        res.json({ ok: true, scheduled });
      }),
    );
  };
}
