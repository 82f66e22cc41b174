/**
 * The restify server: routes only. Each channel or API module registers its own routes through a
 * RouteModule; this file owns the body handling, errors, health and static pages.
 */
import { readFileSync } from 'node:fs';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Config } from '../config.js';
import { AppError, isAppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { Metrics } from '../lib/metrics.js';
import type { Storage } from '../state/storage.js';
import { jsonBody, sendError } from './body.js';
import { AddressLimiter } from './rate-limit.js';

export type Handler = (req: Request, res: Response) => Promise<void>;

export interface HttpContext {
  config: Config;
  logger: Logger;
  storage: Storage;
  /** Wrap a handler: body limit and JSON parsing first (rawOnly: raw bytes only, for signature checks), coded errors → status + JSON. */
  route(handler: Handler, options?: { rawOnly?: boolean }): Handler;
  /** Reports whether the process is shutting down (readiness fails then). */
  isShuttingDown(): boolean;
  /** The per-address limit of the public endpoints, for requests that bypass restify (WebSocket upgrades); counts one request. */
  allowAddress(address: string): boolean;
}

export type RouteModule = (server: Server, http: HttpContext) => void;

export interface ServerOptions {
  config: Config;
  logger: Logger;
  storage: Storage;
  modules: RouteModule[];
  metrics?: Metrics;
  isShuttingDown?: () => boolean;
  /** True while indexes the service builds after listening are still being built (see createApp). */
  isWarming?: () => boolean;
}

export function createHttpServer(opts: ServerOptions): Server {
  const { config, logger, storage } = opts;
  const server = restify.createServer({ name: 'support-bot', handleUncaughtExceptions: false });
  const parse = jsonBody(config.MAX_BODY_BYTES);

  // Public endpoints anyone can call without credentials are limited per client address.
  const limiter = new AddressLimiter(config.RATE_LIMIT_PER_ADDRESS);
  const limited = (path: string) => path.startsWith('/v3/directline/') || (path === '/api/messages' && !config.MicrosoftAppId);
  server.pre((req: Request, res: Response, next: (err?: unknown) => void) => {
    // Every answer is what its content type says: browsers must never guess (JSON read as HTML).
    res.setHeader('x-content-type-options', 'nosniff');
    const path = (req.url ?? '/').split('?')[0]!;
    if (limited(path)) {
      const address = req.socket?.remoteAddress ?? 'unknown';
      if (!limiter.allow(address)) {
        opts.metrics?.rateLimited.inc({ scope: 'address' });
        res.setHeader('retry-after', String(limiter.retryAfter(address)));
        sendError(res, new AppError('RATE_LIMITED', 'Too many requests from this address; please wait a moment and try again.'));
        return next(false);
      }
    }
    return next();
  });

  const route: HttpContext['route'] = (handler, options) => async (req, res) => {
    try {
      await parse(req, res, options?.rawOnly);
      await handler(req, res);
    } catch (err) {
      const appErr = isAppError(err) ? err : new AppError('TURN_FAILED', undefined, { cause: err });
      opts.metrics?.errors.inc({ code: appErr.code });
      if (appErr.status >= 500) logger.error({ err, code: appErr.code, path: req.path() }, 'request failed');
      else logger.info({ code: appErr.code, path: req.path() }, 'request rejected');
      sendError(res, appErr);
    }
  };

  const http: HttpContext = {
    config,
    logger,
    storage,
    route,
    isShuttingDown: opts.isShuttingDown ?? (() => false),
    allowAddress(address) {
      if (limiter.allow(address)) return true;
      opts.metrics?.rateLimited.inc({ scope: 'address' });
      return false;
    },
  };

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    const storageOk = await storage.ping().catch(() => false);
    // Liveness (/healthz) answers as soon as the process listens; readiness waits for the languages' indexes
    // built after listening, whose builds (Chinese most of a second) would hold up turns a balancer sent meanwhile.
    const warming = opts.isWarming?.() ?? false;
    const ok = storageOk && !http.isShuttingDown() && !warming;
    res.status(ok ? 200 : 503);
    res.json({ status: ok ? 'ready' : 'not ready', storage: storageOk ? storage.kind : `${storage.kind} unreachable`, indexes: warming ? 'building' : 'built', shuttingDown: http.isShuttingDown() });
  });

  for (const mod of opts.modules) mod(server, http);

  server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number; toJSON?: () => unknown }, cb: () => void) => {
    // Unknown routes and methods: keep restify's status, answer with our JSON error shape.
    const status = err.statusCode ?? 500;
    if (status >= 500) logger.error({ err, path: req.path() }, 'unhandled error');
    const code = status === 404 ? 'NOT_FOUND' : status === 405 ? 'BAD_REQUEST' : status >= 500 ? 'TURN_FAILED' : 'BAD_REQUEST';
    err.toJSON = () => ({ error: { code, message: status >= 500 ? 'Internal error.' : err.message } });
    return cb();
  });
  return server;
}

/** Serve one static file with a content type (pages under web/). */
export function staticFile(path: string, type: string): Handler {
  let cached: Buffer | undefined;
  return async (_req, res) => {
    cached ??= readFileSync(path);
    res.setHeader('content-type', type);
    res.setHeader('cache-control', 'no-cache');
    res.writeHead(200);
    res.end(cached);
  };
}
