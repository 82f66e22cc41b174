/** A test client for the agent API and its live event stream (SSE), as the console uses them. */
import { request } from 'node:http';
import type { AgentEvent } from '../../src/handoff/events.js';

export interface AgentResponse<T = any> {
  status: number;
  body: T;
}

export class AgentClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | undefined,
  ) {}

  async request<T = any>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<AgentResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.token !== undefined) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}/api/agent/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T };
  }

  queue() {
    return this.request('GET', 'queue');
  }
  conversation(id: string) {
    return this.request('GET', `conversations/${encodeURIComponent(id)}`);
  }
  accept(id: string, agent?: string) {
    return this.request('POST', `conversations/${encodeURIComponent(id)}/accept`, agent ? { agent } : undefined);
  }
  send(id: string, text: string) {
    return this.request('POST', `conversations/${encodeURIComponent(id)}/messages`, { text });
  }
  end(id: string, note?: string) {
    return this.request('POST', `conversations/${encodeURIComponent(id)}/end`, note ? { note } : {});
  }
}

export interface EventStream {
  status: number;
  events: AgentEvent[];
  waitFor(pred: (e: AgentEvent) => boolean, timeoutMs?: number): Promise<AgentEvent>;
  close(): void;
}

/** A one-use ticket for the live events, traded for the token (as the console does); undefined when refused. */
export async function eventsTicket(baseUrl: string, token: string | undefined): Promise<string | undefined> {
  if (token === undefined) return undefined;
  const res = await fetch(`${baseUrl}/api/agent/events/ticket`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json().catch(() => ({}))) as { ticket?: string };
  return res.status === 200 ? body.ticket : undefined;
}

/** Open /api/agent/events as the console does (a ticket in the query, since EventSource cannot send headers) and collect events. */
export async function openEvents(baseUrl: string, token: string | undefined): Promise<EventStream> {
  const ticket = await eventsTicket(baseUrl, token);
  return openEventsAt(`${baseUrl}/api/agent/events${ticket ? `?ticket=${encodeURIComponent(ticket)}` : ''}`);
}

export function openEventsAt(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const events: AgentEvent[] = [];
  const waiters: Array<() => void> = [];
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } });
    const waitFor: EventStream['waitFor'] = async (pred, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(pred);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching agent event in ${timeoutMs} ms; got ${JSON.stringify(events)}`);
        await new Promise<void>((done) => {
          const t = setTimeout(done, left);
          waiters.push(() => {
            clearTimeout(t);
            done();
          });
        });
      }
    };
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let sep: number;
        while ((sep = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, sep);
          buffer = buffer.slice(sep + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (data && status === 200) events.push(JSON.parse(data) as AgentEvent);
          for (const w of waiters.splice(0)) w();
        }
      });
      res.on('error', () => undefined);
      resolve({ status, events, waitFor, close: () => req.destroy() });
    });
    req.on('error', (err) => (events.length ? undefined : reject(err)));
    req.end();
  });
}

export const messages = <T extends { type: string }>(acts: T[]) => acts.filter((a) => a.type === 'message');
