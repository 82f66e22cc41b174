/**
 * The loopback "channel": the serviceUrl every server under test sends its replies to, as a Bot
 * Framework channel's connector would receive them. Replies are kept per conversation until the
 * load generator takes them after the turn's POST has returned.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplyActivity {
  type?: string;
  text?: string;
  suggestedActions?: { actions?: Array<{ title?: string; value?: string }> };
  channelData?: { support?: { kind?: string; step?: string; dialog?: string; faqId?: string } };
}

export interface Capture {
  url: string;
  /** Replies received for a conversation since the last take. */
  take(conversationId: string): ReplyActivity[];
  clear(): void;
  received(): number;
  close(): Promise<void>;
}

const PATH = /^\/v3\/conversations\/([^/]+)\/activities/;

/** `keep: false`: a sink that answers like a channel and keeps nothing (memory measurements). */
export async function startCapture(opts: { keep?: boolean } = {}): Promise<Capture> {
  const keep = opts.keep ?? true;
  const byConversation = new Map<string, ReplyActivity[]>();
  let received = 0;
  let seq = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = PATH.exec(req.url ?? '');
      let body: ReplyActivity | undefined;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReplyActivity;
      } catch {
        body = undefined;
      }
      if (req.method !== 'POST' || !m || !body) {
        res.writeHead(404).end();
        return;
      }
      received += 1;
      const id = decodeURIComponent(m[1]!);
      const list = byConversation.get(id);
      if (!keep) {
        /* sink */
      } else if (list) list.push(body);
      else byConversation.set(id, [body]);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"id":"r${++seq}"}`);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    take(id) {
      const list = byConversation.get(id) ?? [];
      byConversation.delete(id);
      return list;
    },
    clear: () => byConversation.clear(),
    received: () => received,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
