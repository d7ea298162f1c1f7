import { z } from 'zod';

/** Epoch seconds up to the year 3000: an `exp` beyond that is a mistake (often milliseconds), not a date. */
const JwtClaims = z.object({ exp: z.number().int().positive().max(32_503_680_000) });

/**
 * When a bearer token says it expires, read from its JWT `exp` claim (epoch seconds → ms), so the
 * admin can be warned days ahead instead of learning it from a 401 at the gate. Undefined for
 * tokens that are not JWTs or carry no `exp`: nothing is known, nothing is claimed. The signature
 * is not checked — the server does that; this is only a reminder.
 */
export function jwtExpiry(token: string): number | undefined {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts[1] === undefined || !/^[A-Za-z0-9_-]+={0,2}$/.test(parts[1])) return undefined;
  try {
    const claims = JwtClaims.safeParse(JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')));
    return claims.success ? claims.data.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
