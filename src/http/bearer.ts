/** Bearer-token check for operator and agent routes (timing-safe; unset token → always refused). */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'restify';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function bearerMatches(expected: string | undefined, presented: string | undefined): boolean {
  if (!expected || !presented) return false;
  return timingSafeEqual(digest(expected), digest(presented));
}

/** The token from `Authorization: Bearer …`, or the `token` query parameter (EventSource cannot send headers). */
export function presentedToken(req: Request, allowQuery = false): string | undefined {
  const h = req.headers.authorization;
  if (typeof h === 'string' && /^bearer\s+/i.test(h)) return h.replace(/^bearer\s+/i, '').trim();
  if (allowQuery) {
    const url = new URL(req.url ?? '/', 'http://x');
    return url.searchParams.get('token') ?? undefined;
  }
  return undefined;
}
