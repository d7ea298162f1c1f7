import type { VenueManagerSettings } from '../../shared/settings';
import type { SecretStore } from '../secrets/SecretStore';

/** Builds the auth header for the configured mode; empty when a needed secret is missing. */
export function venueManagerAuthHeaders(
  settings: VenueManagerSettings,
  secrets: SecretStore,
): Record<string, string> {
  switch (settings.authMode) {
    case 'none':
      return {};
    case 'bearer': {
      const token = secrets.get('venueManager.bearerToken');
      return token === undefined ? {} : { authorization: `Bearer ${token}` };
    }
    case 'basic': {
      const password = secrets.get('venueManager.basicPassword') ?? '';
      const encoded = Buffer.from(`${settings.basicUsername}:${password}`, 'utf8').toString('base64');
      return { authorization: `Basic ${encoded}` };
    }
    case 'header': {
      const value = secrets.get('venueManager.headerValue');
      return value === undefined || settings.headerName === '' ? {} : { [settings.headerName.toLowerCase()]: value };
    }
  }
}
