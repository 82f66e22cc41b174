/**
 * One outbound JSON POST with a hard deadline, for the platform clients (LINE, WhatsApp).
 *
 * Not global fetch: Node 20's fetch, aborted before the response headers arrive, rejects but
 * leaves the socket open until the server closes it, so an API that never answers piles up
 * sockets and descriptors. Here the deadline destroys the request and its socket. The answer is a
 * standard Response, so callers (and @line/bot-sdk) read it as they would a fetch result.
 */
import http from 'node:http';
import https from 'node:https';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/** Most bytes read from an answer (error bodies are logged in part, success bodies ignored). */
const MAX_ANSWER_BYTES = 64 * 1024;

export class SendTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

export function postJson(url: string | URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Response> {
  const target = new URL(url);
  const lib = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(target, {
      method: 'POST',
      agent: agents[target.protocol as keyof typeof agents],
      headers: { 'content-type': 'application/json', ...headers, 'content-length': String(Buffer.byteLength(body)) },
    });
    const timer = setTimeout(() => req.destroy(new SendTimeout(timeoutMs)), timeoutMs);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_ANSWER_BYTES) chunks.push(c);
      });
      res.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      res.on('end', () => {
        clearTimeout(timer);
        const status = res.statusCode ?? 502;
        const responseHeaders = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) responseHeaders.set(k, Array.isArray(v) ? v.join(', ') : v);
        const noBody = status === 204 || status === 205 || status === 304;
        resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers: responseHeaders }));
      });
    });
    req.end(body);
  });
}
