import { z } from 'zod';

/** An order folder's path in the mirror ('reseller/org/event/order/1-500/<uuid>/'). */
export const OrderPath = z.string().min(1).max(1000);

export const TickowebSyncProgress = z.object({
  phase: z.enum(['listing', 'fetching', 'writing', 'finished']),
  bucketsDone: z.number().int().nonnegative(),
  bucketsTotal: z.number().int().nonnegative(),
  ordersFetched: z.number().int().nonnegative(),
  ordersUnchanged: z.number().int().nonnegative(),
  /** Order folders fetched per second. */
  rate: z.number().nonnegative(),
});
export type TickowebSyncProgress = z.infer<typeof TickowebSyncProgress>;

export const TickowebSyncReport = z.object({
  result: z.enum(['done', 'cancelled', 'failed']),
  events: z.number().int(),
  buckets: z.number().int(),
  ordersFetched: z.number().int(),
  ordersUnchanged: z.number().int(),
  ordersDeleted: z.number().int(),
  quarantined: z.number().int(),
  requests: z.object({ list: z.number().int(), get: z.number().int() }),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type TickowebSyncReport = z.infer<typeof TickowebSyncReport>;

/** What the mirror holds, and how the last sync went: Settings and the status bar. */
export const TickowebSummary = z.object({
  /** Whether a Tickoweb WebDAV address is configured (or the demo tree is served). */
  configured: z.boolean(),
  demo: z.boolean(),
  events: z.number().int().nonnegative(),
  orders: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
  /** A sync is running now: its progress. */
  running: TickowebSyncProgress.optional(),
  lastRun: z
    .object({
      startedAt: z.number(),
      finishedAt: z.number().nullable(),
      result: z.string().nullable(),
      ordersFetched: z.number().int().optional(),
      error: z.string().nullable(),
    })
    .optional(),
});
export type TickowebSummary = z.infer<typeof TickowebSummary>;

export const TickowebSearchHit = z.object({
  orderPath: OrderPath,
  eventName: z.string().nullable(),
  orderNumber: z.string().nullable(),
  status: z.string().nullable(),
  createdAt: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  kind: z.enum(['exact', 'prefix', 'substring']),
  field: z.enum(['name', 'email', 'phone', 'orderNumber', 'barcode']),
  value: z.string(),
  highlight: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
});
export type TickowebSearchHit = z.infer<typeof TickowebSearchHit>;

/** A field of a raw file, flattened for display ("customer.json › address.city": "Leuven"). */
const DisplayField = z.object({ path: z.string(), value: z.string() });

export const TickowebOrderView = z.object({
  orderPath: OrderPath,
  uuid: z.string(),
  orderNumber: z.string().nullable(),
  status: z.string().nullable(),
  createdAt: z.string().nullable(),
  names: z.array(z.string()),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  barcodes: z.array(z.string()),
  products: z.array(z.object({ name: z.string().nullable(), quantity: z.number().nullable(), price: z.string().nullable(), barcode: z.string().nullable() })),
  scans: z.array(z.object({ at: z.string().nullable(), barcode: z.string().nullable(), gate: z.string().nullable() })),
  event: z.object({ name: z.string().nullable(), startsAt: z.string().nullable(), location: z.string().nullable() }).nullable(),
  channel: z.object({ name: z.string().nullable(), type: z.string().nullable(), url: z.string().nullable() }).nullable(),
  /** Every field of customer.json (whatever the channel collects), flattened. */
  customerFields: z.array(DisplayField),
  /** The files as received, for "show raw JSON". */
  customerRaw: z.string().nullable(),
  detailsRaw: z.string().nullable(),
  /** When the files were fetched, and when details.json (scans) was last refreshed. */
  fetchedAt: z.number(),
  detailsRefreshedAt: z.number(),
  /** Newer versions of its files that were refused, with the reason. */
  quarantined: z.array(z.object({ file: z.string(), reason: z.string(), detail: z.string() })),
});
export type TickowebOrderView = z.infer<typeof TickowebOrderView>;

export const TickowebLink = z.object({
  orderPath: OrderPath,
  reason: z.enum(['email', 'name+phone', 'name+barcode', 'barcode']),
  matched: z.array(z.string()),
  orderNumber: z.string().nullable(),
  eventName: z.string().nullable(),
  status: z.string().nullable(),
});
export type TickowebLink = z.infer<typeof TickowebLink>;

export const TickowebQuarantineEntry = z.object({
  file: z.string(),
  orderPath: z.string().nullable(),
  reason: z.string(),
  detail: z.string(),
  sample: z.string(),
  at: z.number(),
});
