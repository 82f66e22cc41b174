/** GET /metrics: Prometheus text. */
import type { Metrics } from '../lib/metrics.js';
import type { RouteModule } from './server.js';

export function metricsRoutes(metrics: Metrics): RouteModule {
  return (server) => {
    server.get('/metrics', async (_req, res) => {
      const { contentType, body } = await metrics.text();
      res.setHeader('content-type', contentType);
      res.writeHead(200);
      res.end(body);
    });
  };
}
