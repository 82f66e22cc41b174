/**
 * Direct Line tokens: compact JWTs (HS256) signed with DIRECTLINE_SECRET, or with a random
 * per-process secret when it is unset (then only this instance can verify them). A token is bound
 * to one conversation and one user and expires after DIRECTLINE_TOKEN_TTL_SECONDS.
 *
 * JWT rather than an opaque string because Web Chat reads the `user` claim of a Direct Line token
 * (jwt-decode) and then posts as that user: the user id cannot be forged by the page.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  /** Conversation id the token is bound to. */
  conv: string;
  /** User id (`dl_…`, reserved by Web Chat for ids embedded in a token). */
  user: string;
  /** Issued at / expires, seconds since the epoch. */
  iat: number;
  exp: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

const ISSUER = 'support-bot/directline';
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

export class DirectLineTokens {
  private readonly key: Buffer;
  private readonly secret: string | undefined;

  constructor(
    secret: string | undefined,
    readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
    this.secret = secret;
  }

  /** True when `bearer` is the configured DIRECTLINE_SECRET (never true for the per-process one). */
  isSecret(bearer: string | undefined): boolean {
    if (!bearer || !this.secret) return false;
    const a = Buffer.from(bearer, 'utf8');
    const b = Buffer.from(this.secret, 'utf8');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  issue(conv: string, user: string): { token: string; expires_in: number } {
    const iat = Math.floor(this.now() / 1000);
    const payload = base64url(JSON.stringify({ iss: ISSUER, conv, user, iat, exp: iat + this.ttlSeconds }));
    const body = `${HEADER}.${payload}`;
    return { token: `${body}.${this.sign(body)}`, expires_in: this.ttlSeconds };
  }

  verify(token: string | undefined): TokenCheck {
    if (!token || token.length > 4096) return { ok: false, reason: 'malformed' };
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
    // Compare the encoded text, not decoded bytes: base64url's spare bits must not make two spellings valid.
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`), 'utf8');
    const given = Buffer.from(parts[2]!, 'utf8');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature' };
    let claims: Partial<TokenClaims> & { iss?: unknown };
    try {
      claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (claims.iss !== ISSUER || typeof claims.conv !== 'string' || typeof claims.user !== 'string' || typeof claims.exp !== 'number') {
      return { ok: false, reason: 'malformed' };
    }
    if (claims.exp * 1000 <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, claims: { conv: claims.conv, user: claims.user, iat: claims.iat ?? 0, exp: claims.exp } };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
