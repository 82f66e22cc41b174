/**
 * Baseline 1, the floor: a bare restify server that echoes each activity to its serviceUrl (one
 * keep-alive POST, as a channel connector expects) or, with expectReplies, in the response body.
 * No botbuilder, no state: what HTTP in and HTTP out cost on this machine.
 */
import { Agent, request } from 'node:http';
import restify, { type Request, type Response, type Server } from 'restify';

interface InboundActivity {
  id?: string;
  text?: string;
  serviceUrl?: string;
  deliveryMode?: string;
  conversation?: { id?: string };
  from?: { id?: string };
  recipient?: { id?: string };
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function postJson(url: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(data);
  });
}

export function createRestifyEcho(): Server {
  const server = restify.createServer({ name: 'bench-restify-echo', handleUncaughtExceptions: false });
  server.use(restify.plugins.jsonBodyParser());
  server.post('/api/messages', async (req: Request, res: Response) => {
    const a = req.body as InboundActivity;
    const reply = {
      type: 'message',
      text: `echo: ${a.text ?? ''}`,
      replyToId: a.id,
      conversation: a.conversation,
      from: a.recipient,
      recipient: a.from,
    };
    if (a.deliveryMode === 'expectReplies') {
      res.json(200, { activities: [reply] });
      return;
    }
    const convId = encodeURIComponent(a.conversation?.id ?? '');
    const url = `${(a.serviceUrl ?? '').replace(/\/$/, '')}/v3/conversations/${convId}/activities/${encodeURIComponent(a.id ?? '')}`;
    const status = await postJson(url, reply).catch(() => 502);
    res.send(status < 300 ? 200 : 502);
  });
  return server;
}
