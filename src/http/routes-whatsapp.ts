/**
 * GET /api/whatsapp: Meta's verification handshake (hub.challenge echoed as plain text, 403 on a
 * wrong token). POST /api/whatsapp: the webhook — X-Hub-Signature-256 checked over the raw bytes
 * before any parsing, 200 at once, turns afterwards. 503 when WhatsApp is not configured.
 */
import type { WhatsAppChannel } from '../channels/whatsapp.js';
import { AppError } from '../lib/errors.js';
import { notConfigured, parseVerified, rawBodyRoute } from './routes-line.js';
import type { RouteModule } from './server.js';

export function whatsappRoutes(channel: WhatsAppChannel | undefined): RouteModule {
  return (server, http) => {
    server.get(
      '/api/whatsapp',
      http.route(async (req, res) => {
        if (!channel) return notConfigured(res, 'WhatsApp');
        const challenge = channel.verifySubscription(new URLSearchParams(req.getQuery() ?? ''));
        if (challenge === undefined) throw new AppError('FORBIDDEN', 'hub.mode or hub.verify_token is wrong.');
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.writeHead(200);
        res.end(challenge);
      }),
    );

    server.post(
      '/api/whatsapp',
      rawBodyRoute(http, async (req, res) => {
        if (!channel) return notConfigured(res, 'WhatsApp');
        const raw = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0);
        const signature = req.header('x-hub-signature-256') || undefined;
        if (!channel.verify(raw, signature)) throw new AppError('UNAUTHORIZED', 'Missing or invalid X-Hub-Signature-256.');
        const scheduled = await channel.accept(parseVerified(raw));
        res.status(200);
        res.json({ ok: true, scheduled });
      }),
    );
  };
}
