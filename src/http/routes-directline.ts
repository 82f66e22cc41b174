/**
 * Direct Line 3.0 subset under /v3/directline (the web chat's API) and its WebSocket stream. The
 * protocol lives in src/channels/directline; this file maps HTTP onto it.
 */
import type { Request } from 'restify';
import type { DirectLineChannel } from '../channels/directline/channel.js';
import { refuse } from '../channels/directline/stream.js';
import type { RouteModule } from './server.js';

const BASE = '/v3/directline';

function query(req: Request, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get(name) ?? undefined;
}

/** ws(s)://host the client used, for streamUrl. */
function socketOrigin(req: Request): string {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim();
  const secure = forwarded ? forwarded === 'https' : req.isSecure();
  return `${secure ? 'wss' : 'ws'}://${req.headers.host ?? 'localhost'}`;
}

export function directLineRoutes(channel: DirectLineChannel): RouteModule {
  return (server, http) => {
    const auth = (req: Request) => req.headers.authorization;

    server.post(
      `${BASE}/tokens/generate`,
      http.route(async (req, res) => {
        res.json(channel.generateToken(auth(req), req.body));
      }),
    );
    server.post(
      `${BASE}/tokens/refresh`,
      http.route(async (req, res) => {
        res.json(channel.refreshToken(auth(req)));
      }),
    );
    server.post(
      `${BASE}/conversations`,
      http.route(async (req, res) => {
        const { created, ...conversation } = await channel.startConversation(auth(req), req.body, socketOrigin(req));
        res.status(created ? 201 : 200);
        res.json(conversation);
      }),
    );
    server.get(
      `${BASE}/conversations/:conversationId`,
      http.route(async (req, res) => {
        res.json(await channel.reconnect(auth(req), req.params.conversationId, query(req, 'watermark'), socketOrigin(req)));
      }),
    );
    server.get(
      `${BASE}/conversations/:conversationId/activities`,
      http.route(async (req, res) => {
        res.json(await channel.getActivities(auth(req), req.params.conversationId, query(req, 'watermark')));
      }),
    );
    server.post(
      `${BASE}/conversations/:conversationId/activities`,
      http.route(async (req, res) => {
        res.json(await channel.postActivity(auth(req), req.params.conversationId, req.body));
      }),
    );

    // WebSocket streamUrl: the service's only upgrade path. Any other upgrade request is refused with
    // a 404: nothing else answers upgrades, so its socket would stay open for good (and hold up shutdown).
    server.server.on('upgrade', (req, socket, head) => {
      if (channel.stream.matches(req.url)) {
        // Upgrades never reach restify's pre-handlers: the per-address limit is applied here.
        if (!http.allowAddress(req.socket?.remoteAddress ?? 'unknown')) {
          socket.on('error', () => socket.destroy());
          return refuse(socket, 429);
        }
        return channel.stream.handleUpgrade(req, socket, head);
      }
      socket.on('error', () => socket.destroy());
      refuse(socket, 404);
    });
  };
}
