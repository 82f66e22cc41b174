/**
 * The customer page: GET / (web/index.html), its own CSS and script, and Microsoft's Web Chat
 * bundle served from the installed npm package (no CDN: the page must work offline and on one
 * machine, and the bundle then always matches the version the tests ran against).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';
import { staticFile, type RouteModule } from './server.js';
import { projectPath } from '../lib/project-root.js';

const WEB_DIR = join(projectPath('web'), '/');

/**
 * dist/webchat.js is the UMD bundle of botframework-webchat that sets `window.WebChat`. The package's
 * `exports` hide its package.json, so find dist/ from the resolved CommonJS entry (lib/index.js).
 */
export function webChatBundlePath(): string {
  const entry = createRequire(import.meta.url).resolve('botframework-webchat');
  return join(dirname(entry), '..', 'dist', 'webchat.js');
}

/** A large immutable asset: read once, gzip once, ETag, revalidated by the browser. */
function bundle(path: string) {
  let cached: { raw: Buffer; gzip: Buffer; etag: string } | undefined;
  return async (req: Request, res: Response) => {
    if (!cached) {
      const raw = readFileSync(path);
      cached = { raw, gzip: gzipSync(raw), etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"` };
    }
    res.setHeader('content-type', 'application/javascript; charset=utf-8');
    res.setHeader('cache-control', 'public, max-age=3600, must-revalidate');
    res.setHeader('etag', cached.etag);
    res.setHeader('vary', 'accept-encoding');
    if (req.headers['if-none-match'] === cached.etag) {
      res.writeHead(304);
      res.end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) res.setHeader('content-encoding', 'gzip');
    res.writeHead(200);
    res.end(gzip ? cached.gzip : cached.raw);
  };
}

export function webChatPageRoutes(): RouteModule {
  return (server) => {
    server.get('/', staticFile(join(WEB_DIR, 'index.html'), 'text/html; charset=utf-8'));
    server.get('/assets/chat.css', staticFile(join(WEB_DIR, 'chat.css'), 'text/css; charset=utf-8'));
    for (const script of ['chat.js', 'chat-sync.js', 'chat-connection.js', 'chat-render.js', 'i18n.js']) {
      server.get(`/assets/${script}`, staticFile(join(WEB_DIR, script), 'application/javascript; charset=utf-8'));
    }
    server.get('/assets/webchat.js', bundle(webChatBundlePath()));
    // One icon for both pages; /favicon.ico for browsers and tools that ask for it without a <link>.
    const icon = staticFile(join(WEB_DIR, 'favicon.svg'), 'image/svg+xml');
    server.get('/favicon.svg', icon);
    server.get('/favicon.ico', icon);
  };
}
