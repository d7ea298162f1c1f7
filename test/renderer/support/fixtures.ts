import type { AppInfo, Status } from '../../../src/shared/contract';
import type { IdentifyResult, OwnerMatch, ScanEvent } from '../../../src/shared/model';
import { defaultSettings, type SettingsView } from '../../../src/shared/settings';

export const appInfo: AppInfo = { name: 'Wristdesk', version: '0.1.0', demo: false, systemLocale: 'en-US' };

export function status(overrides: Partial<Status> = {}): Status {
  return {
    demo: false,
    connectivity: { state: 'online' },
    readers: [{ id: 'reader-1', name: 'Desk reader', kind: 'hid-keyboard', state: 'connected' }],
    ...overrides,
  };
}

export function settingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    settings: { ...defaultSettings, venueManager: { ...defaultSettings.venueManager } },
    secrets: {
      'venueManager.bearerToken': { set: true },
      'venueManager.basicPassword': { set: false },
      'venueManager.headerValue': { set: false },
      'tickoweb.password': { set: false },
    },
    secretStore: { kind: 'safeStorage', writable: true },
    problems: [],
    ...overrides,
  };
}

export function scan(uid: string, at = 1_750_000_000_000): ScanEvent {
  return { readerId: 'reader-1', raw: uid, uid, at };
}

export function ownerMatch(name: string, uid: string, overrides: Partial<OwnerMatch> = {}): OwnerMatch {
  return {
    customerId: 4711,
    address: {
      name,
      company: 'Roskilde Crew ApS',
      street: 'Havsteensvej 11',
      zipCode: '4000',
      city: 'Roskilde',
      countryCode: 'DK',
      email: 'mette@example.dk',
      phone: '+45 12 34 56 78',
    },
    orderId: 900123,
    orderAuthorizedAt: '2025-05-02 10:15:00',
    product: {
      id: 5551,
      name: 'Full festival pass',
      alias: 'FULL-4D',
      barcode: '5701234567890',
      imageUrl: null,
      invalidatedAt: null,
      valid: true,
      tokens: [
        { uid: '04AABBCCDDEE01', insertedAt: '2025-06-28 12:00:00', blockedAt: '2025-06-29 09:30:00', active: false },
        { uid, insertedAt: '2025-06-29 09:31:00', blockedAt: null, active: true },
      ],
      events: [
        { time: '2025-06-28 12:00:00', type: 'token_added', description: 'first wristband' },
        { time: '2025-06-29 09:31:00', type: 'token_replaced', description: 'chip broken' },
        { time: '2025-06-29 09:30:00', type: 'token_blocked', description: 'old wristband blocked' },
      ],
    },
    ...overrides,
  };
}

export function found(uid: string, ...names: string[]): IdentifyResult {
  const matches = names.map((name, index) => {
    const match = ownerMatch(name, uid);
    return { ...match, product: { ...match.product, id: match.product.id + index } };
  });
  const [first, ...rest] = matches;
  if (first === undefined) throw new Error('found() needs at least one name');
  return { kind: 'found', uid, matches: [first, ...rest], fetchedAt: 1_750_000_000_500 };
}

export function notFound(uid: string): IdentifyResult {
  return { kind: 'not-found', uid, fetchedAt: 1_750_000_000_500 };
}

/** One search hit: a product with one active wristband, owned by `name`. */
export function searchHit(name: string, productId: number, overrides: Partial<OwnerMatch> = {}): OwnerMatch {
  const match = ownerMatch(name, `04${String(productId).padStart(12, '0')}`, overrides);
  return { ...match, product: { ...match.product, id: productId, ...overrides.product } };
}

/** `count` hits with distinct owners and product ids 1…count. */
export function searchHits(count: number): OwnerMatch[] {
  return Array.from({ length: count }, (_, index) => searchHit(`Guest ${String(index + 1)}`, index + 1));
}
