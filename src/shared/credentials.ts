/** How long before a credential's stated expiry the admin is warned: a festival weekend and then some. */
export const credentialWarningMs = 4 * 24 * 60 * 60_000;

export type CredentialExpiry = 'ok' | 'expires-soon' | 'expired';

export function credentialExpiry(expiresAt: number | undefined, now: number): CredentialExpiry {
  if (expiresAt === undefined) return 'ok';
  if (expiresAt <= now) return 'expired';
  return expiresAt - now <= credentialWarningMs ? 'expires-soon' : 'ok';
}
