/**
 * The agent API under /api/agent (Bearer AGENT_TOKEN, DESIGN.md §3), live console events over SSE
 * at /api/agent/events (the token in the header, or — since EventSource cannot set headers — a
 * one-use ticket from POST /api/agent/events/ticket in `?ticket=`; never the token in a URL), and
 * the console page at /agent. Conversation ids in URLs are the router's key, URL-encoded.
 */
import type { Request, Response } from 'restify';
import { z } from 'zod';
import { AppError } from '../lib/errors.js';
import type { AgentEvent } from '../handoff/events.js';
import { AcceptBody, AgentMessageBody, EndBody, TypingBody } from '../handoff/schemas.js';
import type { AgentResult, HandoffService } from '../handoff/service.js';
import { bearerMatches, presentedToken } from './bearer.js';
import { EventsTickets } from '../handoff/events-ticket.js';
import { staticFile, type Handler, type RouteModule } from './server.js';
import { projectPath } from '../lib/project-root.js';

const web = (name: string) => projectPath('web', name);
const HEARTBEAT_MS = 20_000;

/** The console's files, with headers that keep the page (and the token it holds) to itself. */
function consolePage(path: string, type: string): Handler {
  const serve = staticFile(path, type);
  return async (req, res) => {
    res.setHeader('content-security-policy', "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    await serve(req, res);
  };
}

/** The console's other files, served under /agent/. */
const CONSOLE_FILES: Array<[file: string, type: string]> = [
  ['agent.js', 'text/javascript; charset=utf-8'],
  ['agent-labels.js', 'text/javascript; charset=utf-8'],
  ['agent.css', 'text/css; charset=utf-8'],
  ['favicon.svg', 'image/svg+xml'],
];

const STATUS_CODE: Record<number, string> = { 400: 'BAD_REQUEST', 404: 'NOT_FOUND', 409: 'CONFLICT', 502: 'CHANNEL_SEND_FAILED' };

export function agentRoutes(service: HandoffService): RouteModule {
  return (server, http) => {
    const token = http.config.AGENT_TOKEN;
    if (!token) http.logger.warn('AGENT_TOKEN is not set: the agent console is disabled and every /api/agent route answers 401');

    const tickets = new EventsTickets(token, http.storage);
    const refuse = (res: Response) => {
      res.header('www-authenticate', 'Bearer realm="agent"');
      throw new AppError('UNAUTHORIZED', token ? 'Missing or invalid agent token.' : 'The agent console is disabled (AGENT_TOKEN is not set).');
    };
    const authorize = (req: Request, res: Response) => {
      if (!bearerMatches(token, presentedToken(req))) refuse(res);
    };
    const parse = <T>(schema: z.ZodType<T>, body: unknown): T => {
      const r = schema.safeParse(body ?? undefined);
      if (!r.success) throw new AppError('BAD_REQUEST', z.prettifyError(r.error));
      return r.data;
    };
    const idOf = (req: Request): string => {
      const id = String(req.params?.id ?? '');
      if (!id || id.length > 512) throw new AppError('BAD_REQUEST', 'Missing conversation id.');
      return id;
    };
    const answer = <T>(res: Response, result: AgentResult<T>) => {
      if (result.ok) {
        res.json(result.value);
        return;
      }
      res.status(result.status);
      res.json({ error: { code: STATUS_CODE[result.status] ?? 'CONFLICT', message: result.message, ...(result.reason ? { reason: result.reason } : {}) } });
    };

    const page = consolePage(web('agent.html'), 'text/html; charset=utf-8');
    server.get('/agent', page);
    server.get('/agent/', page);
    for (const [file, type] of CONSOLE_FILES) server.get(`/agent/${file}`, consolePage(web(file), type));

    server.get(
      '/api/agent/queue',
      http.route(async (req, res) => {
        authorize(req, res);
        res.json(await service.queue());
      }),
    );

    server.get(
      '/api/agent/conversations/:id',
      http.route(async (req, res) => {
        authorize(req, res);
        const found = await service.conversation(idOf(req));
        if (!found) throw new AppError('NOT_FOUND', 'This conversation has no hand-off.');
        res.json(found);
      }),
    );

    /** An agent operation on one conversation: authorized, its body parsed, the service's result answered. */
    const operation = <B>(name: string, schema: z.ZodType<B>, run: (id: string, body: B) => Promise<AgentResult<unknown>>) =>
      server.post(
        `/api/agent/conversations/:id/${name}`,
        http.route(async (req, res) => {
          authorize(req, res);
          const body = parse(schema, req.body);
          answer(res, await run(idOf(req), body));
        }),
      );
    operation('accept', AcceptBody, (id, body) => service.accept(id, body.agent));
    operation('messages', AgentMessageBody, (id, body) => service.agentMessage(id, body.text, body.agent));
    // The agent is typing: the console calls this at most every few seconds while the reply box changes.
    operation('typing', TypingBody, (id, body) => service.agentTyping(id, body.agent));
    operation('end', EndBody, (id, body) => service.end(id, body.note || undefined));

    server.post(
      '/api/agent/events/ticket',
      http.route(async (req, res) => {
        authorize(req, res);
        res.setHeader('cache-control', 'no-store');
        res.json(tickets.issue());
      }),
    );

    server.get(
      '/api/agent/events',
      http.route(async (req, res) => {
        const ticket = new URL(req.url ?? '/', 'http://x').searchParams.get('ticket') ?? undefined;
        if (!bearerMatches(token, presentedToken(req)) && !(await tickets.redeem(ticket))) refuse(res);
        let streaming = false;
        const send = (e: AgentEvent) => streaming && res.write(`data: ${JSON.stringify(e)}\n\n`);
        let shutdown = () => {};
        const closed = new Promise<void>((resolve) => {
          req.once('close', resolve);
          res.once('close', resolve);
          shutdown = resolve;
        });
        // Subscribe first: if the storage cannot, the console gets a plain error status, not a dead stream.
        const stop = await service.events.listen(send, () => shutdown()).catch((err: unknown) => {
          throw new AppError('STORAGE_UNAVAILABLE', undefined, { cause: err });
        });
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          // One stream per connection: when it ends (console gone, shutdown) the socket goes too.
          connection: 'close',
          'x-accel-buffering': 'no',
        });
        res.write('retry: 3000\n\n');
        streaming = true;
        send({ type: 'ready' });
        const ping = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
        // The handler lives as long as the console stays connected (or until the service shuts down).
        await closed;
        clearInterval(ping);
        stop();
        if (!res.writableEnded) res.end();
      }),
    );
  };
}
