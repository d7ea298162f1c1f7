import { z } from 'zod';
import { AdminStatus, SetAdminPinRequest, UnlockAdminRequest } from './admin';
import { AuditEntry, AuditFilter, AuditListRequest } from './audit';
import { WireError } from './errors';
import { AddRequest, BlockRequest, CommentRequest, OperatorView, ReplaceRequest, SignInRequest } from './actions';
import { IdentifyResult, OwnerMatch, SampleWristband, ScanEvent } from './model';
import { ListedHidDevice, ReaderDiagnostic, ReaderStatus } from './readers';
import { SearchCriteria } from './search';
import { UidCalibrationOutcome, UidFormatCalibration } from './uidProfile';
import { OutboxEditRequest, OutboxItemView, OutboxListRequest, OutboxSummary } from './outbox';
import {
  OrderPath,
  TickowebLink,
  TickowebOrderView,
  TickowebQuarantineEntry,
  TickowebSearchHit,
  TickowebSummary,
  TickowebSyncReport,
} from './tickoweb';
import { SecretName, SettingsPatch, SettingsView } from './settings';

const NoParams = z.object({}).strict();

export const ConnectivityState = z.enum(['unknown', 'online', 'degraded', 'offline']);

// Readers' schemas live with the reader settings; re-exported here as part of the contract.
export { ReaderStatus } from './readers';

export const Status = z.object({
  demo: z.boolean(),
  connectivity: z.object({
    state: ConnectivityState,
    /** An error code explaining a degraded/offline state, e.g. NETWORK or UNAUTHORIZED. */
    reason: z.string().optional(),
    /** Epoch ms of the last request that reached Venue Manager. */
    lastSuccessAt: z.number().optional(),
  }),
  readers: z.array(ReaderStatus),
  /** Epoch ms the configured bearer token says it expires (JWT `exp`); absent when not known. */
  credentialsExpireAt: z.number().optional(),
});
export type Status = z.infer<typeof Status>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  demo: z.boolean(),
  /** The OS / user-agent locale the core saw, used when the language setting is "auto". */
  systemLocale: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const SyncProgress = z.object({
  job: z.string(),
  phase: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
  finished: z.boolean(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;

export { OutboxSummary } from './outbox';

/**
 * Every fix goes through this desk's outbox. `done`: Venue Manager accepted it while the desk
 * waited, and `match` is the product as the server now shows it. `queued`: it is stored and will
 * be sent when Venue Manager answers; `match` is the last known state with the action marked
 * pending (absent when this desk knows nothing of the product).
 */
export const ActionResult = z.object({
  outcome: z.enum(['done', 'queued']),
  outboxId: z.string(),
  auditId: z.number().int(),
  match: OwnerMatch.optional(),
  /** Set when `match` came from this desk's cache: when it was fetched. */
  cachedAt: z.number().optional(),
});
export type ActionResult = z.infer<typeof ActionResult>;

/**
 * Every request the renderer can make. Both transports (Electron IPC and the browser-mode
 * WebSocket) validate params and results against these schemas at the boundary.
 */
export const methods = {
  'app.info': { params: NoParams, result: AppInfo },
  'status.get': { params: NoParams, result: Status },
  'settings.get': { params: NoParams, result: SettingsView },
  'settings.update': { params: SettingsPatch, result: SettingsView },
  'secrets.set': {
    params: z.object({ name: SecretName, value: z.string().min(1).max(8192) }).strict(),
    result: SettingsView,
  },
  'secrets.clear': { params: z.object({ name: SecretName }).strict(), result: SettingsView },
  'identify.lookup': {
    params: z.object({ uid: z.string().trim().min(1).max(64) }).strict(),
    result: IdentifyResult,
  },
  /** Venue Manager's product search; one hit per digital product, with its owner. */
  'venueManager.search': {
    params: SearchCriteria,
    result: z.object({ hits: z.array(OwnerMatch), fetchedAt: z.number(), cachedAt: z.number().optional() }),
  },
  /** One product's current state and history (GET /products/{id}). */
  'venueManager.product': {
    params: z.object({ productId: z.number().int().nonnegative() }).strict(),
    result: z.object({ match: OwnerMatch, fetchedAt: z.number(), cachedAt: z.number().optional() }),
  },
  /**
   * A product image as a data URL (the renderer's CSP allows no remote images). Only URLs that a
   * product the core handed out names are fetched.
   */
  'venueManager.productImage': {
    params: z.object({ url: z.string().min(1).max(2000) }).strict(),
    result: z.object({ dataUrl: z.string().startsWith('data:image/').max(3_000_000) }),
  },
  /** The fixes. Each is audited, checked against the product's state first, and answers with the product as it is now. */
  'actions.block': { params: BlockRequest, result: ActionResult },
  'actions.replace': { params: ReplaceRequest, result: ActionResult },
  'actions.add': { params: AddRequest, result: ActionResult },
  'actions.comment': { params: CommentRequest, result: ActionResult },
  'outbox.summary': { params: NoParams, result: OutboxSummary },
  /** Items newest first, optionally only some states. */
  'outbox.list': { params: OutboxListRequest, result: z.object({ items: z.array(OutboxItemView) }) },
  /** A conflict or failure sent again (its state is checked first, as the first time). */
  'outbox.retry': { params: z.object({ id: z.string().min(1).max(100) }).strict(), result: OutboxItemView },
  /** A conflict or failure given up, with the reason recorded. */
  'outbox.discard': {
    params: z.object({ id: z.string().min(1).max(100), reason: z.string().trim().min(1).max(1000) }).strict(),
    result: OutboxItemView,
  },
  /** A conflict or failure replaced by an edited action (checked like a new one); answers with the new item. */
  'outbox.edit': { params: OutboxEditRequest, result: OutboxItemView },
  /** Waiting items are tried now instead of at their backoff time. */
  'outbox.sendNow': { params: NoParams, result: OutboxSummary },
  /** The audit, newest first. */
  'audit.list': { params: AuditListRequest, result: z.object({ entries: z.array(AuditEntry) }) },
  /** The filtered audit as CSV (UTF-8, header row), for the renderer to save. */
  'audit.exportCsv': {
    params: z.object({ filter: AuditFilter.default({}) }).strict(),
    result: z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int().nonnegative() }),
  },
  'operator.current': { params: NoParams, result: OperatorView.nullable() },
  'operator.signIn': { params: SignInRequest, result: OperatorView },
  'operator.signOut': { params: NoParams, result: z.null() },
  'admin.status': { params: NoParams, result: AdminStatus },
  /** First run: sets the PIN and unlocks. Later: changes it, given the current PIN. */
  'admin.setPin': { params: SetAdminPinRequest, result: AdminStatus },
  'admin.unlock': { params: UnlockAdminRequest, result: AdminStatus },
  'admin.lock': { params: NoParams, result: AdminStatus },
  /**
   * Admin only: tap a band Venue Manager knows; the core finds the form Venue Manager stores it in
   * and keeps that as the venue's UID format.
   */
  'uidFormat.calibrateVenue': {
    params: z.object({ uid: z.string().trim().min(1).max(64) }).strict(),
    result: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('calibrated'), format: UidFormatCalibration, owner: z.string().nullable() }),
      z.object({ outcome: z.literal('not-found') }),
      z.object({ outcome: z.literal('ambiguous'), values: z.array(z.string()) }),
    ]),
  },
  /** What this desk's lookup cache holds, so nobody assumes it knows more. */
  'cache.summary': {
    params: NoParams,
    result: z.object({
      customers: z.number().int().nonnegative(),
      products: z.number().int().nonnegative(),
      tokens: z.number().int().nonnegative(),
      oldestFetchedAt: z.number().optional(),
      newestFetchedAt: z.number().optional(),
    }),
  },
  /**
   * Admin only: fetches products into the cache before the event (by barcode or product number),
   * with `syncProgress` events (job "prewarm"); answers when done or cancelled.
   */
  'cache.prewarm': {
    params: z
      .object({
        kind: z.enum(['barcode', 'productId']),
        values: z.array(z.string().trim().regex(/^[0-9A-Za-z-]{1,64}$/, 'a barcode or product number')).min(1).max(50_000),
      })
      .strict(),
    result: z.object({
      total: z.number().int(),
      done: z.number().int(),
      failed: z.number().int(),
      empty: z.number().int(),
      products: z.number().int(),
      cancelled: z.boolean(),
    }),
  },
  'cache.prewarmCancel': { params: NoParams, result: z.null() },
  /** Admin only: forgets what this desk stored about guests (tap log, lookup cache); the audit stays. */
  'data.clear': {
    params: NoParams,
    result: z.object({ scans: z.number().int().nonnegative(), products: z.number().int().nonnegative() }),
  },
  /** What the Tickoweb mirror holds and how its last sync went (also pushed as the `tickoweb` event). */
  'tickoweb.summary': { params: NoParams, result: TickowebSummary },
  /** Runs a sync now (incremental; `full`: every order fetched again) and answers when it ends. */
  'tickoweb.sync': { params: z.object({ full: z.boolean().default(false) }).strict(), result: TickowebSyncReport },
  'tickoweb.cancel': { params: NoParams, result: z.null() },
  /** As-you-type search of the mirror: names, e-mails, phones, order and ticket numbers, accents ignored. */
  'tickoweb.search': {
    params: z.object({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    result: z.object({ hits: z.array(TickowebSearchHit), truncated: z.boolean() }),
  },
  /** One order, with its scans refreshed from Tickoweb first when it can be reached. */
  'tickoweb.order': { params: z.object({ orderPath: OrderPath }).strict(), result: TickowebOrderView },
  /** Tickoweb orders of a wristband owner: by e-mail, else name + phone or barcode, else barcode. */
  'tickoweb.links': {
    params: z
      .object({
        emails: z.array(z.string().max(320)).max(10).default([]),
        names: z.array(z.string().max(200)).max(10).default([]),
        phones: z.array(z.string().max(50)).max(10).default([]),
        barcodes: z.array(z.string().max(100)).max(50).default([]),
      })
      .strict(),
    result: z.array(TickowebLink),
  },
  /** Files the mirror refused, with the reason (the stored older version stays in use). */
  'tickoweb.quarantine': { params: NoParams, result: z.array(TickowebQuarantineEntry) },
  'reader.samples': { params: NoParams, result: z.array(SampleWristband) },
  /**
   * A keyboard-wedge reader's burst, recognised by the renderer (DESIGN §6: never typed into a
   * field). Answers with the scan, or null when it repeats the same band within the duplicate window.
   */
  'reader.wedgeScan': {
    params: z.object({ raw: z.string().trim().min(1).max(64) }).strict(),
    result: ScanEvent.nullable(),
  },
  /** The USB HID devices present now, each marked with whether a reader can be opened on it. */
  'reader.devices': { params: NoParams, result: z.array(ListedHidDevice) },
  /**
   * Admin only: learns how a reader writes UIDs from its last tap and the band's known UID
   * (canonical hex); a unique answer is saved as that reader's format.
   */
  'reader.calibrate': {
    params: z.object({ readerId: z.string().min(1).max(40), knownUid: z.string().trim().min(1).max(64) }).strict(),
    result: z.object({ outcome: UidCalibrationOutcome, saved: z.boolean() }),
  },
  /** The reader test screen: every reader's state, last reports, tap count and last UID in each form. */
  'reader.diagnostics': { params: NoParams, result: z.array(ReaderDiagnostic) },
  'reader.virtualTap': {
    params: z.object({ uid: z.string().trim().min(1).max(64).optional() }).strict(),
    result: ScanEvent,
  },
} as const;

export type MethodName = keyof typeof methods;
export type Params<M extends MethodName> = z.input<(typeof methods)[M]['params']>;
export type ParsedParams<M extends MethodName> = z.output<(typeof methods)[M]['params']>;
export type Result<M extends MethodName> = z.output<(typeof methods)[M]['result']>;

/**
 * Venue Manager's answer to a lookup first answered from the cache (`refreshing`); it replaces
 * that answer — only that one (same `revalidation`), never a later tap's.
 */
export const LookupRefreshed = z.object({ uid: z.string(), revalidation: z.string(), result: IdentifyResult });

/** Every event the core pushes. */
export const events = {
  lookupRefreshed: LookupRefreshed,
  tickoweb: TickowebSummary,
  scan: ScanEvent,
  status: Status,
  settings: SettingsView,
  syncProgress: SyncProgress,
  outbox: OutboxSummary,
  admin: AdminStatus,
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export type AnyEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

export function isMethodName(value: string): value is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, value);
}

/** The one object the renderer talks to, whatever carries it. */
export interface WristdeskApi {
  invoke<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>>;
  /** Returns an unsubscribe function. */
  subscribe(listener: (event: AnyEvent) => void): () => void;
}

// ---- wire frames (browser-mode WebSocket; IPC carries the same shapes) ----

export const WireRequest = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  params: z.unknown(),
});
export type WireRequest = z.infer<typeof WireRequest>;

export const WireResponse = z.union([
  z.object({ id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ id: z.number().int(), ok: z.literal(false), error: WireError }),
]);
export type WireResponse = z.infer<typeof WireResponse>;

export const WireEvent = z.object({ event: z.string(), payload: z.unknown() });
export type WireEvent = z.infer<typeof WireEvent>;

/** The IPC result envelope: errors are returned, not thrown, so codes survive Electron's IPC. */
export const Outcome = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: WireError }),
]);
export type Outcome = z.infer<typeof Outcome>;
