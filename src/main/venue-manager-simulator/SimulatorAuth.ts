import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * How the simulated server wants to be authenticated. The DigitalProduct module's documentation
 * does not say; Venue Manager's other modules take a JWT bearer and the shop module uses HTTP
 * authentication (DESIGN.md §3), hence these kinds. The 401 answer is undocumented, a guess.
 */
export type SimulatorAuth =
  | { kind: 'none' }
  | { kind: 'bearer'; token: string }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'header'; name: string; value: string };

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function isAuthorized(auth: SimulatorAuth, headers: IncomingHttpHeaders): boolean {
  switch (auth.kind) {
    case 'none':
      return true;
    case 'bearer': {
      const match = /^Bearer\s+(.+)$/i.exec(single(headers.authorization) ?? '');
      return match?.[1] !== undefined && sameSecret(match[1].trim(), auth.token);
    }
    case 'basic': {
      const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(single(headers.authorization)?.trim() ?? '');
      if (match?.[1] === undefined) return false;
      const decoded = Buffer.from(match[1], 'base64').toString('utf8');
      return sameSecret(decoded, `${auth.username}:${auth.password}`);
    }
    case 'header': {
      const value = single(headers[auth.name.toLowerCase()]);
      return value !== undefined && sameSecret(value, auth.value);
    }
  }
}

/** RFC 9110 wants a challenge with a 401; which realm Venue Manager names is unknown. */
export function challengeFor(auth: SimulatorAuth): string | undefined {
  switch (auth.kind) {
    case 'bearer':
      return 'Bearer';
    case 'basic':
      return 'Basic realm="Venue Manager", charset="UTF-8"';
    default:
      return undefined;
  }
}
