/** GET /api/agent/report: the operator report as JSON, behind the agent token. */
import { AppError } from '../lib/errors.js';
import { buildReport } from '../router/outcomes.js';
import { bearerMatches, presentedToken } from './bearer.js';
import type { RouteModule } from './server.js';

export function reportRoutes(now: () => number = Date.now): RouteModule {
  return (server, http) => {
    server.get(
      '/api/agent/report',
      http.route(async (req, res) => {
        if (!bearerMatches(http.config.AGENT_TOKEN, presentedToken(req))) throw new AppError('UNAUTHORIZED');
        res.json(await buildReport(http.storage, now()));
      }),
    );
  };
}
