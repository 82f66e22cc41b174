/** Bearer-token check for operator and agent routes (timing-safe; unset token → always refused). */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'restify';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function bearerMatches(expected: string | undefined, presented: string | undefined): boolean {
  if (!expected || !presented) return false;
  return timingSafeEqual(digest(expected), digest(presented));
}

/** The token from `Authorization: Bearer …` (never from the URL: it would end up in logs and history). */
export function presentedToken(req: Request): string | undefined {
  const h = req.headers.authorization;
  if (typeof h === 'string' && /^bearer\s+/i.test(h)) return h.replace(/^bearer\s+/i, '').trim();
  return undefined;
}
