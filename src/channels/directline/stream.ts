/**
 * The Direct Line WebSocket stream (`streamUrl`): on connect, replay the log after the client's
 * watermark, then forward every activity appended on any instance (Storage pub/sub). Frames are
 * `{ activities, watermark }`. Protocol-level pings every ~20 s keep proxies from idling the
 * socket out and drop clients that stopped answering; Web Chat's own "" keep-alives are ignored.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../lib/logger.js';
import { hashId } from '../../lib/redact.js';
import type { ActivityLog, LoggedActivity } from './log.js';

export const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/?]+)\/stream$/;

/** Decides whether a socket may open: the conversation id on success, else an HTTP status. */
export type StreamAuthorizer = (conversationId: string, token: string | undefined) => Promise<{ ok: true } | { ok: false; status: 401 | 403 | 404 }>;

export interface StreamOptions {
  pingIntervalMs?: number;
  /** Biggest frame accepted from a client (they only send keep-alives). */
  maxPayloadBytes?: number;
  /** Open sockets per conversation (a token is bound to one) and per client address, on this instance. */
  maxPerConversation?: number;
  maxPerAddress?: number;
}

/** Activities per frame when replaying a log. */
export const REPLAY_PAGE = 50;
/** A socket with more than this queued and unsent gets no more frames until it drains... */
const HIGH_WATER_BYTES = 256 * 1024;
/** ...and is closed if it stays over it this long, or goes over the hard limit (it reconnects with its watermark). */
const STALL_MS = 30_000;
const HARD_LIMIT_BYTES = 2 * 1024 * 1024;

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error' };

export function refuse(socket: Duplex, status: number): void {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export class DirectLineStream {
  private readonly wss: WebSocketServer;
  private readonly pingIntervalMs: number;
  /** Sockets open or opening, per conversation and per address (counted from the upgrade request on). */
  private readonly perConversation = new Map<string, number>();
  private readonly perAddress = new Map<string, number>();

  constructor(
    private readonly log: ActivityLog,
    private readonly authorize: StreamAuthorizer,
    private readonly logger: Logger,
    private readonly opts: StreamOptions = {},
  ) {
    this.pingIntervalMs = opts.pingIntervalMs ?? 20_000;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxPayloadBytes ?? 4096 });
  }

  /** Count one socket against its conversation and address; false (nothing counted) when either is full. */
  private reserve(conversationId: string, address: string): boolean {
    const conv = this.perConversation.get(conversationId) ?? 0;
    const addr = this.perAddress.get(address) ?? 0;
    if (conv >= (this.opts.maxPerConversation ?? 4) || (this.opts.maxPerAddress && addr >= this.opts.maxPerAddress)) return false;
    this.perConversation.set(conversationId, conv + 1);
    this.perAddress.set(address, addr + 1);
    return true;
  }

  private release(conversationId: string, address: string): void {
    const dec = (map: Map<string, number>, key: string) => {
      const n = (map.get(key) ?? 1) - 1;
      if (n > 0) map.set(key, n);
      else map.delete(key);
    };
    dec(this.perConversation, conversationId);
    dec(this.perAddress, address);
  }

  /** True for upgrade requests this stream serves; other paths are left to other handlers. */
  matches(url: string | undefined): boolean {
    const path = (url ?? '/').split('?')[0]!;
    return STREAM_PATH.test(path);
  }

  /** Node 'upgrade' handler body for a matching request. Never throws: it runs outside any request handler. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const address = req.socket?.remoteAddress ?? 'unknown';
    let id: string;
    let watermark: number | undefined;
    let token: string | undefined;
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      id = decodeURIComponent(STREAM_PATH.exec(url.pathname)?.[1] ?? '');
      const raw = url.searchParams.get('watermark');
      watermark = raw === null || raw === '' ? undefined : /^-?\d{1,12}$/.test(raw) ? Number(raw) : Number.NaN;
      token = url.searchParams.get('t') ?? undefined;
    } catch {
      return refuse(socket, 400); // e.g. malformed percent-encoding
    }
    if (!id || Number.isNaN(watermark)) return refuse(socket, 400);
    if (!this.reserve(id, address)) return refuse(socket, 429);
    let released = false;
    const release = () => {
      if (!released) this.release(id, address);
      released = true;
    };
    socket.once('close', release);
    this.authorize(id, token)
      .then((check) => {
        if (!check.ok) return refuse(socket, check.status);
        this.wss.handleUpgrade(req, socket, head, (ws) => {
          ws.once('close', release);
          this.attach(ws, id, watermark);
        });
      })
      .catch((err) => {
        this.logger.error({ err, conversation: hashId(id) }, 'direct line stream could not open');
        if (!socket.destroyed) refuse(socket, 500);
      });
  }

  private attach(ws: WebSocket, conversationId: string, watermark: number | undefined): void {
    let last = watermark ?? -1;
    let reading = false;
    let again = false;
    let alive = true;
    let unsubscribe: (() => Promise<void>) | undefined;
    const log = this.logger.child({ conversation: hashId(conversationId), channel: 'directline' });

    /** False (and the socket closed) when the client stopped reading: it reconnects with its watermark. */
    const send = (entries: LoggedActivity[]): boolean => {
      if (!entries.length || ws.readyState !== ws.OPEN) return ws.readyState === ws.OPEN;
      if (ws.bufferedAmount > HARD_LIMIT_BYTES) {
        log.info({ buffered: ws.bufferedAmount }, 'direct line socket not reading; closed');
        ws.terminate();
        return false;
      }
      last = entries[entries.length - 1]!.seq;
      ws.send(JSON.stringify({ activities: entries.map((e) => e.activity), watermark: String(last) }));
      return true;
    };

    /** Resolves once the socket's queue is under the high-water mark; false if it closed or stalled. */
    const drained = async (): Promise<boolean> => {
      const since = Date.now();
      while (ws.readyState === ws.OPEN && ws.bufferedAmount > HIGH_WATER_BYTES) {
        if (Date.now() - since > STALL_MS) {
          log.info({ buffered: ws.bufferedAmount }, 'direct line socket stalled; closed');
          ws.terminate();
          return false;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      return ws.readyState === ws.OPEN;
    };

    // Read the log from the last index sent, a page per frame, each after the socket has taken the
    // one before. Runs one at a time; a call while reading asks for one more pass.
    const catchUp = async () => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          const entries = await this.log.read(conversationId, last);
          for (let i = 0; i < entries.length; i += REPLAY_PAGE) {
            if (!(await drained()) || !send(entries.slice(i, i + REPLAY_PAGE))) return;
          }
        } while (again && ws.readyState === ws.OPEN);
      } catch (err) {
        log.warn({ err }, 'direct line stream could not read the log');
      } finally {
        reading = false;
      }
    };

    const onPublished = (entries: LoggedActivity[]) => {
      const fresh = entries.filter((e) => e.seq > last);
      if (!fresh.length) return;
      // In order and nothing in flight: forward as is. A gap (a message lost between instances) or a
      // replay still running: read the log instead, which is the source of truth.
      if (!reading && ws.bufferedAmount <= HIGH_WATER_BYTES && fresh[0]!.seq === last + 1 && fresh.every((e, i) => e.seq === fresh[0]!.seq + i)) send(fresh);
      else void catchUp();
    };

    const ping = setInterval(() => {
      if (!alive) {
        ws.terminate();
        return;
      }
      alive = false;
      ws.ping();
    }, this.pingIntervalMs);
    ping.unref();

    ws.on('pong', () => {
      alive = true;
    });
    ws.on('message', () => {
      alive = true; // Web Chat sends "" every 20 s; nothing else is expected from the client
    });
    ws.on('error', (err) => log.debug({ err }, 'direct line socket error'));
    ws.on('close', () => {
      clearInterval(ping);
      void unsubscribe?.().catch((err) => log.warn({ err }, 'direct line unsubscribe failed'));
      unsubscribe = undefined;
    });

    this.log
      .subscribe(conversationId, onPublished)
      .then((off) => {
        if (ws.readyState === ws.CLOSED || ws.readyState === ws.CLOSING) return void off();
        unsubscribe = off;
        return catchUp();
      })
      .catch((err) => {
        log.warn({ err }, 'direct line stream could not subscribe');
        ws.close(1011, 'unavailable');
      });
  }

  /** Sockets currently open (tests, metrics). */
  get size(): number {
    return this.wss.clients.size;
  }

  /** Close every socket (shutdown): clients reconnect to another instance with their watermark. */
  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
