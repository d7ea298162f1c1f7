import type { Result } from '../../../src/shared/contract';
import type {
  TickowebLink,
  TickowebOrderView,
  TickowebSearchHit,
  TickowebSummary,
  TickowebSyncProgress,
  TickowebSyncReport,
} from '../../../src/shared/tickoweb';

/** 14:02 in Copenhagen (the fixtures' venue time zone), 4 July 2026. */
export const syncedAt = Date.UTC(2026, 6, 4, 12, 2);

export const orderPath = 'reseller/roskilde/rf26/order/1-500/0f1e2d3c-aaaa-4bbb-8ccc-123456789abc/';

export function tickowebSummary(overrides: Partial<TickowebSummary> = {}): TickowebSummary {
  return {
    configured: true,
    demo: false,
    events: 2,
    orders: 1234,
    quarantined: 0,
    lastRun: { startedAt: syncedAt - 30_000, finishedAt: syncedAt, result: 'done', ordersFetched: 37, error: null },
    ...overrides,
  };
}

export function syncProgress(overrides: Partial<TickowebSyncProgress> = {}): TickowebSyncProgress {
  return { phase: 'fetching', bucketsDone: 3, bucketsTotal: 12, ordersFetched: 420, ordersUnchanged: 0, rate: 35.5, ...overrides };
}

export function syncReport(overrides: Partial<TickowebSyncReport> = {}): TickowebSyncReport {
  return {
    result: 'done',
    events: 2,
    buckets: 12,
    ordersFetched: 40,
    ordersUnchanged: 1194,
    ordersDeleted: 1,
    quarantined: 2,
    requests: { list: 15, get: 80 },
    ...overrides,
  };
}

export function tickowebHit(overrides: Partial<TickowebSearchHit> = {}): TickowebSearchHit {
  return {
    orderPath,
    eventName: 'Roskilde Festival 2026',
    orderNumber: 'TW-100234',
    status: 'paid',
    createdAt: '2026-02-01T10:00:00+01:00',
    name: 'Mette Hansen',
    email: 'mette@example.dk',
    kind: 'prefix',
    field: 'name',
    value: 'Mette Hansen',
    highlight: [{ start: 0, end: 5 }],
    ...overrides,
  };
}

export const customerRaw = '{"firstName":"Mette","lastName":"Hansen","email":"mette@example.dk","extra":{"tshirt":"M"}}';
export const detailsRaw = '{"status":"paid","tickets":[{"barcode":"TW123456789"}]}';

export function tickowebOrder(overrides: Partial<TickowebOrderView> = {}): TickowebOrderView {
  return {
    orderPath,
    uuid: '0f1e2d3c-aaaa-4bbb-8ccc-123456789abc',
    orderNumber: 'TW-100234',
    status: 'paid',
    createdAt: '2026-02-01T10:00:00+01:00',
    names: ['Mette Hansen'],
    emails: ['mette@example.dk'],
    phones: ['+45 12 34 56 78'],
    barcodes: ['TW123456789'],
    products: [{ name: 'Festival ticket', quantity: 1, price: '2395.00', barcode: 'TW123456789' }],
    scans: [{ at: '2026-07-01T09:12:00+02:00', barcode: 'TW123456789', gate: 'East gate' }],
    event: { name: 'Roskilde Festival 2026', startsAt: '2026-06-27', location: 'Roskilde' },
    channel: { name: 'Webshop', type: 'online', url: 'https://tickets.example.dk' },
    customerFields: [
      { path: 'customer.json › firstName', value: 'Mette' },
      { path: 'customer.json › extra.tshirt', value: 'M' },
    ],
    customerRaw,
    detailsRaw,
    fetchedAt: syncedAt,
    detailsRefreshedAt: syncedAt + 60_000,
    quarantined: [],
    ...overrides,
  };
}

export function tickowebLink(overrides: Partial<TickowebLink> = {}): TickowebLink {
  return {
    orderPath,
    reason: 'email',
    matched: ['mette@example.dk'],
    orderNumber: 'TW-100234',
    eventName: 'Roskilde Festival 2026',
    status: 'paid',
    ...overrides,
  };
}

export function quarantineEntry(overrides: Partial<Result<'tickoweb.quarantine'>[number]> = {}): Result<'tickoweb.quarantine'>[number] {
  return {
    file: `${orderPath}customer.json`,
    orderPath,
    reason: 'not-json',
    detail: 'Unexpected token } in JSON at position 41',
    sample: '{"firstName":"Mette","lastName":}',
    at: syncedAt,
    ...overrides,
  };
}
