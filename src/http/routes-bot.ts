/** POST /api/messages (Bot Framework) and the customer page. */
import type { BotFrameworkChannel } from '../channels/bot-framework.js';
import type { RouteModule } from './server.js';

export function botFrameworkRoutes(channel: BotFrameworkChannel): RouteModule {
  return (server, http) => {
    server.post(
      '/api/messages',
      http.route(async (req, res) => {
        if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
          res.status(400);
          res.json({ error: { code: 'BAD_REQUEST', message: 'Expected a Bot Framework activity (a JSON object).' } });
          return;
        }
        await channel.process(req as never, res);
      }),
    );
  };
}
