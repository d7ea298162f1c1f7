import type { Database } from 'better-sqlite3';
import type { Status } from '../../shared/contract';
import type { IdentifyResult, OwnerMatch, ScanEvent } from '../../shared/model';
import type { SearchCriteria } from '../../shared/search';
import { patchNeedsAdmin, secretNames } from '../../shared/settings';
import type { SecretName, SettingsView } from '../../shared/settings';
import { AdminLock } from '../admin/AdminLock';
import { TokenActions } from '../actions/TokenActions';
import type { KnownProduct, QueuedFix } from '../actions/TokenActions';
import { auditCsv } from '../audit/AuditCsv';
import { AuditLog } from '../audit/AuditLog';
import { Outbox, OutboxReplayer, OutboxWatch } from '../outbox';
import type { OutboxItem, OutboxProgress } from '../outbox';
import type { ActionResult } from '../../shared/contract';
import { ErrorCode } from '../../shared/errors';
import type { OutboxItemView, OutboxSummary, PendingMark, QueuedAction } from '../../shared/outbox';
import { timerScheduler } from './Scheduler';
import type { Scheduler } from './Scheduler';
import { ConnectivityTracker } from '../connectivity/ConnectivityTracker';
import { CachePrewarm, LookupCache } from '../cache';
import type { PrewarmItem, PrewarmRun } from '../cache';
import { WristbandLookup } from '../identify/WristbandLookup';
import { OperatorSession } from '../operator/OperatorSession';
import type { SecretStore } from '../secrets/SecretStore';
import { SettingsStore } from '../settings/SettingsStore';
import { ScanLog } from '../scanner/ScanLog';
import { ReaderManager } from '../scanner/ReaderManager';
import type { HidBindings } from '../scanner/ReaderManager';
import { ReaderDiagnostics } from '../scanner/ReaderDiagnostics';
import { ScanIntake } from '../scanner/ScanIntake';
import { VirtualReader } from '../scanner/VirtualReader';
import { WedgeReader } from '../scanner/WedgeReader';
import { lockDataFolder } from '../store/DataFolderLock';
import { TickowebMirror } from '../tickoweb/TickowebMirror';
import type { TickowebConnection } from '../tickoweb/TickowebMirror';
import { WebdavClient } from '../tickoweb/webdav/WebdavClient';
import { startDemoTickoweb } from '../tickoweb-demo/startDemoTickoweb';
import { openCacheConnection, openStore } from '../store/Store';
import { ownerMatchFromHistory, ownerMatches, ownerMatchesForUid } from '../venue-manager/productView';
import { calibrate, calibratedUidFormat, encode, parseCanonicalUid } from '../uid';
import type { UidFormatCalibration } from '../../shared/uidProfile';
import { AppError } from '../../shared/errors';
import { jwtExpiry } from '../venue-manager/jwtExpiry';
import { venueManagerAuthHeaders } from '../venue-manager/authHeaders';
import { ProductImageFetcher } from '../venue-manager/ProductImageFetcher';
import { VenueManagerConnection } from '../venue-manager/VenueManagerConnection';
import type { VenueManagerConnectionOptions } from '../venue-manager/VenueManagerConnection';
import type { Handlers } from './dispatch';
import { EventBus } from './EventBus';
import type { Log } from './Log';

export interface CoreOptions {
  dataDir: string;
  /** Electron passes an EncryptedSecretStore over safeStorage; headless runs the environment store. */
  secrets: (db: Database) => SecretStore | Promise<SecretStore>;
  appVersion: string;
  systemLocale: string;
  log: Log;
  now?: () => number;
  /** Seed of the demo data set; fixed so every demo shows the same people. */
  demoSeed?: number;
  onDemoRequest?: VenueManagerConnectionOptions['onDemoRequest'];
  /** node-hid, loaded by the caller (the shell, `serve`); absent = no USB readers (tests). */
  hid?: () => Promise<HidBindings>;
  /** Timers (outbox waits and retries); injected so tests control time. */
  schedule?: Scheduler;
  /** Randomness of the outbox's retry jitter. */
  random?: () => number;
  /** How long an action waits for Venue Manager's answer before the desk is told "queued" (default 10 s). */
  actionWaitMs?: number;
  /** Scheduled Tickoweb syncs (default true; tests that do not test them turn them off). */
  tickowebAutoSync?: boolean;
  /**
   * How long a tap waits for Venue Manager before a cached answer is shown (and the fresh one
   * follows as an event): stale-while-revalidate for a slow network (default 300 ms).
   */
  lookupBudgetMs?: number;
}

export interface Core {
  readonly handlers: Handlers;
  readonly events: EventBus;
  readonly log: Log;
  readonly dataDir: string;
  close(): Promise<void>;
}

/**
 * The composition root of the core: plain Node, no Electron. Everything the renderer can do
 * is a handler here; both transports call the same handlers through dispatch().
 */
export async function startCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? Date.now;
  const unlock = lockDataFolder(options.dataDir, { onLost: (error) => options.log.error('lost the data folder lock', error) });
  let db: Database;
  try {
    db = openStore(options.dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  const events = new EventBus((error) => options.log.error('an event listener failed', error));
  let secrets: SecretStore;
  try {
    secrets = await options.secrets(db);
  } catch (error) {
    db.close();
    unlock();
    throw error;
  }
  const settingsStore = new SettingsStore(db, now);
  const scanLog = new ScanLog(db);
  const operator = new OperatorSession(db, now);
  const admin = new AdminLock(db, { now, onChange: (adminStatus) => events.emit('admin', adminStatus) });

  const connectivity = new ConnectivityTracker({
    now,
    onChange: () => {
      events.emit('status', status());
      connectivityChanged();
    },
    // An order number no order has: one indexed lookup on the server, an empty answer.
    probe: () => venueClient().search({ orderId: '0' }),
  });
  const venueManager = new VenueManagerConnection({
    secrets,
    demoSeed: options.demoSeed ?? 2026,
    onOutcome: (outcome) => connectivity.record(outcome),
    ...(options.onDemoRequest === undefined ? {} : { onDemoRequest: options.onDemoRequest }),
  });
  const images = new ProductImageFetcher({
    // Not venueClient(): remembering a product's image URL must work offline too (fetching it is refused below).
    baseUrl: () => venueManager.current().baseUrl,
    authHeaders: () => {
      const settings = settingsStore.read().settings.venueManager;
      return settings.baseUrl === '' ? {} : venueManagerAuthHeaders(settings, secrets);
    },
  });
  /**
   * Every product handed to the screen: its image may be asked for, and this desk's actions on it
   * that Venue Manager has not confirmed yet (or that wait for a person) travel with it.
   */
  const shownMatch = (match: OwnerMatch, seenAt?: number): OwnerMatch => {
    images.remember([match]);
    const marks = marksFor(match.product.id, seenAt).map(pendingMark);
    const { pending: _stale, ...plain } = match;
    return marks.length === 0 ? plain : { ...plain, pending: marks };
  };
  /** `cachedAt`: the copy is that old, so what Venue Manager accepted since is marked on it too. */
  const shown = <T extends ({ match: OwnerMatch } | { hits: OwnerMatch[] }) & { cachedAt?: number }>(result: T): T =>
    'match' in result
      ? { ...result, match: shownMatch(result.match, result.cachedAt) }
      : { ...result, hits: result.hits.map((hit) => shownMatch(hit, result.cachedAt)) };
  /**
   * This desk's actions on a product the screen must take into account: those still open, and on
   * a copy fetched at `seenAt`, the wristband actions Venue Manager accepted since.
   */
  const marksFor = (productId: number, seenAt?: number): OutboxItem[] => [
    ...(seenAt === undefined ? [] : outbox.sentSince(productId, seenAt)),
    ...outbox.openFor(productId),
  ];
  /** The demo's Venue Manager is ours: its format is known, so the demo needs no calibration. */
  const venueUidFormat = (): UidFormatCalibration =>
    venueManager.demo ? demoUidFormat : settingsStore.read().settings.venueUidFormat;
  /** A tapped band (canonical) as Venue Manager writes it, for the UIDs an action sends. */
  const asVenueUid = (uid: string): string => {
    const format = venueUidFormat();
    const canonical = parseCanonicalUid(uid);
    if (format.state !== 'calibrated' || !canonical.ok) return uid;
    const encoded = encode(canonical.value, format.profile);
    return encoded.ok ? encoded.value : uid;
  };
  const cacheDb = openCacheConnection(options.dataDir);
  const cache = new LookupCache(cacheDb);
  let prewarmRun: PrewarmRun | undefined;
  /**
   * Every answer is kept, so the desk can still answer when Venue Manager cannot be reached. It is
   * stamped with the time the request left, not when the answer came: what this desk's outbox got
   * accepted after that moment may be missing from it (see marksFor).
   */
  const searchAndCache = async (criteria: SearchCriteria) => {
    const askedAt = now();
    const customers = await venueClient().search(criteria);
    cache.storeCustomers(customers, askedAt);
    return customers;
  };
  const wristbands = new WristbandLookup({
    searchToken: (tokenUid) => searchAndCache({ tokenUid }),
    venueFormat: venueUidFormat,
  });
  const audit = new AuditLog(db, now);
  const outbox = new Outbox({ db, audit, now });
  const recovered = outbox.recoverInFlight();
  const schedule = options.schedule ?? timerScheduler;
  const random = options.random ?? Math.random;
  const watch = new OutboxWatch(schedule);
  let replayProgress: OutboxProgress | undefined;
  let outboxEventPending = false;
  const refreshing = new Set<number>();
  let revalidations = 0;
  let closed = false;
  const replayer = new OutboxReplayer({
    outbox,
    // Not venueClient(): "work offline" holds the replayer instead of failing its items.
    client: () => venueManager.current(),
    now,
    random,
    sleep: (ms) => new Promise((resolve) => schedule(resolve, ms)),
    historyShowsComments: () => venueManager.demo || settingsStore.read().settings.venueManager.historyShowsComments,
    onItemChange: (item) => {
      watch.changed(item);
      if (item.state === 'done' && item.action.kind !== 'comment') refreshCachedProduct(item.action.productId);
      // A failed "send now" while offline: back to waiting for the probe, not to backoff tries.
      if (connectivity.current().state === 'offline') replayer.pause('OFFLINE');
      outboxChanged();
    },
    // The backlog's progress travels with the (coalesced) outbox summary.
    onProgress: (progress) => {
      replayProgress = progress.done < progress.total ? progress : undefined;
    },
    onPauseChange: () => outboxChanged(),
    onError: (error) => options.log.error('the outbox replayer failed', error),
  });
  const actions = new TokenActions({
    productState: knownProduct,
    productsWithUid: (uid) =>
      serverElseCache(
        async () => ({ matches: ownerMatchesForUid(await searchAndCache({ tokenUid: uid }), uid) }),
        () => {
          const cached = cache.byTokenUid(uid);
          return { matches: cached?.matches ?? [], ...optional('seenAt', cached?.oldestFetchedAt) };
        },
      ),
    queuedOn: (productId, seenAt) =>
      marksFor(productId, seenAt)
        .filter((item) => item.state === 'pending' || item.state === 'sending' || item.state === 'done')
        .map((item) => item.action),
    outbox,
    audit,
    operator: () => operator.requireName(),
    desk: () => settingsStore.read().settings.deskName,
  });
  let tickowebEventPending = false;
  const tickoweb = new TickowebMirror({
    db,
    now,
    schedule,
    connect: connectTickoweb,
    mode: () => {
      const configured = settingsStore.read().settings.tickoweb.baseUrl !== '';
      return { configured: configured || venueManager.demo, demo: !configured && venueManager.demo };
    },
    intervals: () =>
      options.tickowebAutoSync === false ? { autoSyncMinutes: 0, fullReconcileHours: 0 } : settingsStore.read().settings.tickoweb,
    // Progress arrives per bucket: the screens hear of it at most every 200 ms.
    onChange: () => {
      if (tickowebEventPending) return;
      tickowebEventPending = true;
      schedule(() => {
        tickowebEventPending = false;
        if (!closed) events.emit('tickoweb', tickoweb.summary());
      }, 200);
    },
    onError: (error) => options.log.error('Tickoweb', error),
  });
  const virtualReader = new VirtualReader(() => venueManager.sampleWristbands(), now);
  const diagnostics = new ReaderDiagnostics();
  const publishScan = (scan: ScanEvent) => {
    scanLog.record(scan);
    diagnostics.tap(scan);
    events.emit('scan', scan);
  };
  // The virtual reader is a deliberate click each time; real readers repeat a band lying on them.
  virtualReader.onScan((scan) => {
    diagnostics.report(scan.readerId, scan.raw);
    publishScan(scan);
  });
  const intake = new ScanIntake({ duplicateWindowMs: settingsStore.read().settings.readers.duplicateWindowMs, publish: publishScan });
  const wedgeReader = new WedgeReader(now);
  const readers = new ReaderManager({
    loadBindings: options.hid,
    now,
    log: options.log,
    onRead: (read, setting) => intake.admit(read, setting.uidFormat, setting.role === 'barcode'),
    onStatusChange: () => events.emit('status', status()),
    onReport: (readerId, report) => diagnostics.report(readerId, report),
  });

  /**
   * Venue Manager's answer, else (unreachable) what this desk's cache knows; when neither can
   * say, the server's error. While the desk is offline the cache answers at once — no request waits out
   * its timeouts in front of a queue of guests; the connectivity probe notices the way back. A
   * cache miss offline still asks the server: it may be back before the probe has seen it.
   */
  async function serverElseCache<T>(server: () => Promise<T>, cached: () => T | undefined): Promise<T> {
    if (offlineNow()) {
      const answer = cached();
      if (answer !== undefined) return answer;
    }
    try {
      return await server();
    } catch (error) {
      const answer = unreachable(error) ? cached() : undefined;
      if (answer === undefined) throw error;
      return answer;
    }
  }

  function offlineNow(): boolean {
    return settingsStore.read().settings.workOffline || connectivity.current().state === 'offline';
  }

  /**
   * A band this desk has seen, while Venue Manager is thought reachable: its answer if it comes
   * within the budget; otherwise the cached answer at once (marked `refreshing`), and Venue
   * Manager's answer later as a `lookupRefreshed` event that replaces it on screen.
   */
  async function staleWhileRevalidate(
    uid: string,
    server: Promise<IdentifyResult>,
    cached: FoundResult,
    cachedAgain: () => FoundResult | undefined,
  ): Promise<IdentifyResult> {
    const settled = server.then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    let cancel = () => {};
    const budget = new Promise<'slow'>((resolve) => {
      cancel = schedule(() => resolve('slow'), options.lookupBudgetMs ?? 300);
    });
    const first = await Promise.race([settled, budget]);
    cancel();
    if (first !== 'slow') {
      if ('result' in first) return first.result;
      if (unreachable(first.error)) return cached;
      throw first.error;
    }
    const revalidation = String(++revalidations);
    void settled.then((late) => {
      if (closed) return;
      // Unreachable after all (or failing): the cached answer stands, no longer "asking" — read
      // again, with what this desk queued on it meanwhile.
      const result = 'result' in late ? late.result : (cachedAgain() ?? cached);
      events.emit('lookupRefreshed', { uid, revalidation, result });
    });
    return { ...cached, refreshing: true, revalidation };
  }

  /** The product from Venue Manager (kept in the cache), else from the cache, else the server's error. */
  function productNow(productId: number): Promise<KnownProduct> {
    return serverElseCache<KnownProduct>(
      async () => {
        const askedAt = now();
        const history = await venueClient().productHistory(productId);
        cache.storeHistory(history, askedAt);
        const match = ownerMatchFromHistory(history);
        if (match === undefined) throw new AppError('BAD_RESPONSE', 'The product history names no owner for this product', { productId });
        return { match, fetchedAt: askedAt };
      },
      () => {
        const cached = cache.byProductId(productId);
        return cached === undefined ? undefined : { match: cached.match, cachedAt: cached.fetchedAt, fetchedAt: cached.fetchedAt };
      },
    );
  }

  /**
   * Venue Manager accepted a wristband action: the cached copy of its product is fetched again, so
   * a lookup offline later shows the band as it now is (until then, `marksFor` applies the action).
   */
  function refreshCachedProduct(productId: number): void {
    // One refresh per product at a time: a backlog settling on one product asks once, and what
    // it accepts meanwhile is still marked on the copy (it is stamped with its request's time).
    if (refreshing.has(productId) || offlineNow() || cache.byProductId(productId) === undefined) return;
    refreshing.add(productId);
    const askedAt = now();
    void venueManager
      .current()
      .productHistory(productId)
      .then((history) => {
        if (!closed) cache.storeHistory(history, askedAt);
      })
      .catch(() => undefined)
      .finally(() => refreshing.delete(productId));
  }

  /** The product from Venue Manager (kept in the cache), else from the cache; undefined when neither can say. */
  function knownProduct(productId: number): Promise<KnownProduct | undefined> {
    return productNow(productId).catch((error: unknown) => {
      if (unreachable(error)) return undefined;
      throw error;
    });
  }

  /** The product for the screen: from the server, else the cache (with its age), else the server's error. */
  async function productToShow(productId: number) {
    const known = await productNow(productId);
    return shown({ match: known.match, fetchedAt: now(), ...optional('cachedAt', known.cachedAt) });
  }

  function outboxSummary(): OutboxSummary {
    const summary = outbox.summary();
    const [pausedFor] = replayer.pausedFor;
    return {
      pending: summary.pending,
      conflicts: summary.conflicts,
      failed: summary.failed,
      possibleDuplicates: summary.possibleDuplicates,
      ...optional('lastSyncAt', summary.lastSuccessAt ?? undefined),
      ...optional('lastError', summary.lastError === null ? undefined : { code: summary.lastError.code, message: summary.lastError.message }),
      ...optional('pausedFor', pausedFor),
      ...optional('replay', replayProgress),
    };
  }

  /**
   * Tells the screens about the queue, at most every 100 ms: a backlog of thousands settling one by
   * one must not cost a summary query and a message each.
   */
  function outboxChanged(): void {
    if (outboxEventPending) return;
    outboxEventPending = true;
    schedule(() => {
      outboxEventPending = false;
      if (!closed) events.emit('outbox', outboxSummary());
    }, 100);
  }

  /** Sending waits while Venue Manager is out of reach (the probe says when it is back) or the admin holds the desk offline. */
  function connectivityChanged(): void {
    if (settingsStore.read().settings.workOffline) replayer.pause('OFFLINE_FORCED');
    else replayer.resume('OFFLINE_FORCED');
    if (connectivity.current().state === 'offline') {
      replayer.pause('OFFLINE');
      return;
    }
    if (replayer.pausedFor.includes('OFFLINE')) {
      // Back: what waited out a backoff for the network goes now, not minutes later — each
      // after a random wait of up to 2 s, so desks that lost the Wi-Fi together do not all
      // come back at the same instant.
      outbox.bringForward(() => random() * 2000);
      replayer.resume('OFFLINE');
    }
  }

  /**
   * An action was queued. When Venue Manager is reachable the desk waits briefly for its answer,
   * so online it reads "done" (or the refusal) as it always did; otherwise, or when the answer is
   * slow, "queued". A refusal seen at the desk at once does not also wait in the Outbox view.
   */
  async function delivered(queued: QueuedFix): Promise<ActionResult> {
    outboxChanged();
    const { item, before } = queued;
    // The same submission again (its requestId was queued before): answer as it ended.
    if (item.state === 'done') return done(item, before);
    if (item.state === 'discarded' && item.decision === 'shown-at-desk') throw refusalOf(item);
    // Only an item first in line for its product and bands can be answered soon; one behind a
    // conflict or a backlog is "queued" at once rather than after a wait.
    if (item.state === 'pending' && !replayer.isPaused && replayer.isHead(item.id)) {
      const firstWord = watch.firstWord(item.id, options.actionWaitMs ?? 10_000);
      replayer.wake();
      const word = await firstWord;
      if (word.kind === 'settled' && word.item.state === 'done') return done(word.item, before);
      if (word.kind === 'settled') {
        outbox.closeShown(item.id, { operator: word.item.operator, desk: word.item.desk });
        replayer.wake();
        outboxChanged();
        throw refusalOf(word.item);
      }
    }
    return { outcome: 'queued', outboxId: item.id, auditId: item.auditId, ...afterAction(before) };
  }

  /** Venue Manager accepted it: the product as it now is (or as before, with the action applied). */
  async function done(item: OutboxItem, before: KnownProduct | undefined): Promise<ActionResult> {
    const after = (await knownProduct(item.action.productId).catch(() => undefined)) ?? before;
    return { outcome: 'done', outboxId: item.id, auditId: item.auditId, ...afterAction(after) };
  }

  function afterAction(known: KnownProduct | undefined): Pick<ActionResult, 'match' | 'cachedAt'> {
    if (known === undefined) return {};
    return { match: shownMatch(known.match, known.fetchedAt), ...optional('cachedAt', known.cachedAt) };
  }

  function itemView(item: OutboxItem): OutboxItemView {
    const { auditId: _auditId, commentBaseline: _baseline, queuePos: _queuePos, ...view } = item;
    return view;
  }

  /** The configured Tickoweb WebDAV folder (password from the secret store); none: the demo tree in demo mode. */
  async function connectTickoweb(): Promise<TickowebConnection | undefined> {
    const { baseUrl, username } = settingsStore.read().settings.tickoweb;
    if (baseUrl !== '') {
      const client = new WebdavClient({
        baseUrl,
        ...(username === '' ? {} : { username, password: secrets.get('tickoweb.password') ?? '' }),
      });
      return { source: client, demo: false, close: () => client.close() };
    }
    if (!venueManager.demo) return undefined;
    return startDemoTickoweb(options.demoSeed ?? 2026);
  }

  /** The client, unless the admin switched the desk to work offline: then nothing leaves. */
  function venueClient() {
    if (settingsStore.read().settings.workOffline) {
      throw new AppError('OFFLINE_FORCED', 'The admin has set this desk to work offline');
    }
    return venueManager.current();
  }

  function deskActor() {
    return { operator: operator.requireName(), desk: settingsStore.read().settings.deskName };
  }

  function status(): Status {
    const forcedOffline = settingsStore.read().settings.workOffline;
    return {
      demo: venueManager.demo,
      connectivity: forcedOffline ? { ...connectivity.current(), state: 'offline', reason: 'OFFLINE_FORCED' } : connectivity.current(),
      // The virtual reader is the demo's hand; a configured desk lists only real readers.
      readers: [
        ...(venueManager.demo ? [virtualReader.status()] : []),
        ...readers.statuses(),
        ...(wedgeReader.seen ? [wedgeReader.status()] : []),
      ],
      ...optional('credentialsExpireAt', credentialsExpireAt()),
    };
  }

  /** Only a bearer token in use can say when it expires; demo mode uses none. */
  function credentialsExpireAt(): number | undefined {
    const { baseUrl, authMode } = settingsStore.read().settings.venueManager;
    return baseUrl !== '' && authMode === 'bearer' ? bearerExpiry() : undefined;
  }

  function bearerExpiry(): number | undefined {
    const token = secrets.get('venueManager.bearerToken');
    return token === undefined ? undefined : jwtExpiry(token);
  }

  function secretState(name: SecretName): SettingsView['secrets'][SecretName] {
    if (secrets.unreadable(name)) return { set: true, unreadable: true };
    if (!secrets.has(name)) return { set: false };
    return { set: true, ...optional('expiresAt', name === 'venueManager.bearerToken' ? bearerExpiry() : undefined) };
  }

  function settingsView(): SettingsView {
    const { settings, problems } = settingsStore.read();
    return {
      settings,
      problems,
      secretStore: secrets.info(),
      secrets: Object.fromEntries(secretNames.map((name) => [name, secretState(name)])) as SettingsView['secrets'],
    };
  }

  function settingsChanged(): SettingsView {
    const view = settingsView();
    events.emit('settings', view);
    return view;
  }

  async function applyReaderSettings(): Promise<void> {
    const { readers: readerSettings } = settingsStore.read().settings;
    intake.setDuplicateWindow(readerSettings.duplicateWindowMs);
    await readers.configure(readerSettings.hid);
  }

  /** `changed`: the Venue Manager connection itself changed (not just the language or the desk name). */
  async function applyVenueManagerSettings(changed = false): Promise<void> {
    const wasDemo = venueManager.demo;
    await venueManager.configure(settingsStore.read().settings.venueManager);
    if (wasDemo !== venueManager.demo) connectivity.reset();
    // A new server or new credentials: what was refused at the door may go now. Anything else
    // changes nothing about the refusal, and must not start a 401 loop (DESIGN §3).
    if (changed) replayer.resume('UNAUTHORIZED');
    connectivityChanged();
    events.emit('status', status());
  }

  try {
    await applyVenueManagerSettings();
    await applyReaderSettings();
  } catch (error) {
    cacheDb.close();
    db.close();
    unlock();
    throw error;
  }
  replayer.start();
  tickoweb.reconfigure();
  options.log.info('core started', { dataDir: options.dataDir, demo: venueManager.demo, recoveredInFlight: recovered });

  const handlers: Handlers = {
    'app.info': () =>
      Promise.resolve({
        name: 'Wristdesk',
        version: options.appVersion,
        demo: venueManager.demo,
        systemLocale: options.systemLocale,
      }),
    'status.get': () => Promise.resolve(status()),
    'settings.get': () => Promise.resolve(settingsView()),
    'settings.update': async (patch) => {
      if (patchNeedsAdmin(patch)) admin.require();
      settingsStore.update(patch);
      await applyVenueManagerSettings(patch.venueManager !== undefined);
      // A new address or schedule, or the demo tree coming or going with the Venue Manager setting.
      if (patch.tickoweb !== undefined || patch.venueManager !== undefined) tickoweb.reconfigure();
      if (patch.readers !== undefined) await applyReaderSettings();
      return settingsChanged();
    },
    'secrets.set': async ({ name, value }) => {
      admin.require();
      await secrets.set(name, value);
      if (name.startsWith('venueManager.')) replayer.resume('UNAUTHORIZED');
      if (name.startsWith('tickoweb.')) tickoweb.reconfigure();
      events.emit('status', status());
      return settingsChanged();
    },
    'secrets.clear': async ({ name }) => {
      admin.require();
      await secrets.clear(name);
      events.emit('status', status());
      return settingsChanged();
    },
    'identify.lookup': async ({ uid }) => {
      const fromServer = async (): Promise<IdentifyResult> => {
        const found = await wristbands.find(uid);
        const [first, ...rest] = (found?.matches ?? []).map((match) => shownMatch(match));
        if (found === undefined || first === undefined) return { kind: 'not-found', uid, fetchedAt: now() };
        return { kind: 'found', uid, fetchedAt: now(), ...found, matches: [first, ...rest] };
      };
      const fromCache = (): FoundResult | undefined => {
        // What this desk saw before, with its age. Not in the cache: no answer — "not found"
        // would claim more than the desk knows.
        const cached = cache.byTokenUid(uid);
        const [first, ...rest] = (cached?.matches ?? []).map((match) => shownMatch(match, cached?.oldestFetchedAt));
        if (cached === undefined || first === undefined) return undefined;
        return { kind: 'found', uid, matches: [first, ...rest], fetchedAt: now(), cachedAt: cached.oldestFetchedAt };
      };
      const cached = offlineNow() ? undefined : fromCache();
      if (cached === undefined) return serverElseCache<IdentifyResult>(fromServer, fromCache);
      return staleWhileRevalidate(uid, fromServer(), cached, fromCache);
    },
    'venueManager.search': async (criteria) => {
      let notAnswerable: AppError | undefined;
      try {
        return await serverElseCache(
          async () => shown({ hits: ownerMatches(await searchAndCache(criteria)), fetchedAt: now() }),
          () => {
            const cached = cache.search(criteria);
            if (cached.kind === 'not-answerable-offline') {
              notAnswerable = new AppError('OFFLINE_NOT_ANSWERABLE', cached.message, { criteria: cached.criteria });
              return undefined;
            }
            // Nothing cached matches: that says nothing about Venue Manager, so the error stands.
            if (cached.matches.length === 0 || cached.oldestFetchedAt === undefined) return undefined;
            return shown({ hits: cached.matches, fetchedAt: now(), cachedAt: cached.oldestFetchedAt });
          },
        );
      } catch (error) {
        // Unreachable, and the cache cannot answer this kind of search: say that, not just "offline".
        throw unreachable(error) && notAnswerable !== undefined ? notAnswerable : error;
      }
    },
    'venueManager.product': ({ productId }) => productToShow(productId),
    'venueManager.productImage': async ({ url }) => {
      venueClient(); // "work offline": nothing leaves, images included.
      return { dataUrl: await images.dataUrl(url) };
    },
    'actions.block': async (request) => delivered(await actions.block(request)),
    'actions.replace': async (request) => delivered(await actions.replace({ ...request, newUid: asVenueUid(request.newUid) })),
    'actions.add': async (request) => delivered(await actions.add({ ...request, uid: asVenueUid(request.uid) })),
    'uidFormat.calibrateVenue': async ({ uid }) => {
      admin.require();
      const known = await wristbands.knownRepresentations(uid);
      const canonical = parseCanonicalUid(uid);
      const [only, ...more] = known;
      if (!canonical.ok || only === undefined) return { outcome: 'not-found' as const };
      if (more.length > 0) return { outcome: 'ambiguous' as const, values: known.map((k) => k.representation.value) };
      const [profile] = only.representation.profiles;
      if (profile === undefined) return { outcome: 'not-found' as const };
      const format = calibratedUidFormat(profile, { raw: only.representation.value, uid: canonical.value }, new Date(now()));
      settingsStore.update({ venueUidFormat: format });
      settingsChanged();
      return { outcome: 'calibrated' as const, format, owner: only.matches[0]?.address.name ?? null };
    },
    'actions.comment': async (request) => delivered(await actions.comment(request)),
    'outbox.summary': () => Promise.resolve(outboxSummary()),
    'outbox.list': ({ states, limit }) => Promise.resolve({ items: outbox.recent(limit, states).map(itemView) }),
    'outbox.retry': ({ id }) => {
      const item = outbox.retry(id, deskActor());
      replayer.wake();
      outboxChanged();
      return Promise.resolve(itemView(item));
    },
    'outbox.discard': ({ id, reason }) => {
      const item = outbox.discard(id, deskActor(), reason);
      // What waited behind it may go now.
      replayer.wake();
      outboxChanged();
      return Promise.resolve(itemView(item));
    },
    'outbox.edit': async ({ id, ...changes }) => {
      const asked = editedAction(outbox.get(id).action, changes);
      // A band typed or tapped for the edit is sent in the venue's form, as a new action's would be.
      const edited: QueuedAction =
        asked.kind === 'add' ? { ...asked, uid: asVenueUid(asked.uid) } : asked.kind === 'replace' ? { ...asked, newUid: asVenueUid(asked.newUid) } : asked;
      const { item } = await actions.edit(id, edited);
      replayer.wake();
      outboxChanged();
      return itemView(item);
    },
    'outbox.sendNow': () => {
      // A person asked: try now, even if the probe has not seen Venue Manager come back yet.
      outbox.bringForward();
      replayer.resume('OFFLINE');
      replayer.wake();
      return Promise.resolve(outboxSummary());
    },
    'audit.list': ({ filter, limit, beforeId }) => Promise.resolve({ entries: audit.query(filter, limit, beforeId) }),
    'audit.exportCsv': ({ filter }) => {
      const { venueTimeZone, deskName } = settingsStore.read().settings;
      const { csv, rows } = auditCsv(audit.each(filter), venueTimeZone);
      const day = new Date(now()).toISOString().slice(0, 10);
      const desk = deskName.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'desk';
      return Promise.resolve({ fileName: `wristdesk-audit-${desk}-${day}.csv`, csv, rows });
    },
    'operator.current': () => Promise.resolve(operator.current()),
    'operator.signIn': ({ name, pin }) => operator.signIn(name, pin),
    'operator.signOut': () => {
      operator.signOut();
      return Promise.resolve(null);
    },
    'admin.status': () => Promise.resolve(admin.status()),
    'admin.setPin': ({ pin, currentPin }) => admin.setPin(pin, currentPin),
    'admin.unlock': ({ pin }) => admin.unlock(pin),
    'admin.lock': () => Promise.resolve(admin.lock()),
    'cache.summary': () => Promise.resolve(cache.summary()),
    'cache.prewarm': async ({ kind, values }) => {
      admin.require();
      if (prewarmRun !== undefined) throw new AppError('PREWARM_RUNNING', 'A pre-warm is already running');
      const prewarm = new CachePrewarm({
        cache,
        now,
        client: { search: (criteria) => venueClient().search(criteria), productHistory: (id) => venueClient().productHistory(id) },
      });
      const items = values.map((value): PrewarmItem =>
        kind === 'barcode' ? { kind: 'barcode', barcode: value } : { kind: 'productId', productId: Number(value) },
      );
      const progress = (done: number, total: number, finished: boolean) =>
        events.emit('syncProgress', { job: 'prewarm', phase: finished ? 'finished' : 'fetching', done, total, finished });
      const run = prewarm.start(items, (p) => progress(p.done, p.total, false));
      prewarmRun = run;
      try {
        const report = await run.done;
        progress(report.done, report.total, true);
        const { total, done, failed, empty, products, cancelled } = report;
        return { total, done, failed, empty, products, cancelled };
      } finally {
        prewarmRun = undefined;
      }
    },
    'cache.prewarmCancel': () => {
      prewarmRun?.cancel();
      return Promise.resolve(null);
    },
    'data.clear': () => {
      admin.require();
      const scans = scanLog.clear();
      const { products } = cache.summary();
      cache.clear();
      tickoweb.clear();
      options.log.info('local data cleared', { scans, products });
      return Promise.resolve({ scans, products });
    },
    'tickoweb.summary': () => Promise.resolve(tickoweb.summary()),
    'tickoweb.sync': ({ full }) => tickoweb.sync(full),
    'tickoweb.cancel': () => {
      tickoweb.cancel();
      return Promise.resolve(null);
    },
    'tickoweb.search': ({ query, limit }) => Promise.resolve(tickoweb.search(query, limit)),
    'tickoweb.order': ({ orderPath }) => tickoweb.order(orderPath),
    'tickoweb.links': (owner) => Promise.resolve(tickoweb.links(owner)),
    'tickoweb.quarantine': () => Promise.resolve(tickoweb.quarantine()),
    'reader.samples': () => Promise.resolve([...venueManager.sampleWristbands()]),
    'reader.virtualTap': ({ uid }) => Promise.resolve(virtualReader.tap(uid)),
    'reader.wedgeScan': ({ raw }) => {
      const first = !wedgeReader.seen;
      const { wedgeUidFormat, barcodePattern } = settingsStore.read().settings.readers;
      const read = wedgeReader.read(raw);
      diagnostics.report(read.readerId, read.raw);
      const scan = intake.admit(read, wedgeUidFormat, new RegExp(barcodePattern).test(read.raw));
      if (first) events.emit('status', status());
      return Promise.resolve(scan);
    },
    'reader.calibrate': async ({ readerId, knownUid }) => {
      admin.require();
      const { readers: current } = settingsStore.read().settings;
      if (readerId !== wedgeReader.id && !current.hid.some((reader) => reader.id === readerId)) {
        throw new AppError('READER_UNKNOWN', 'No such reader is configured', { readerId });
      }
      const raw = diagnostics.lastRaw(readerId);
      if (raw === undefined) throw new AppError('READER_NO_TAP', 'Tap the band on this reader first', { readerId });
      const outcome = calibrate(raw, knownUid);
      const known = parseCanonicalUid(knownUid);
      const best = outcome.status === 'unique' ? outcome.candidates[0] : undefined;
      if (best === undefined || !known.ok) return { outcome, saved: false };
      const format = calibratedUidFormat(best.profile, { raw, uid: known.value }, new Date(now()));
      const readers =
        readerId === wedgeReader.id
          ? { ...current, wedgeUidFormat: format }
          : { ...current, hid: current.hid.map((reader) => (reader.id === readerId ? { ...reader, uidFormat: format } : reader)) };
      settingsStore.update({ readers });
      await applyReaderSettings();
      settingsChanged();
      return { outcome, saved: true };
    },
    'reader.diagnostics': () => Promise.resolve(status().readers.map((reader) => ({ ...reader, ...diagnostics.snapshot(reader.id) }))),
    'reader.devices': async () => {
      try {
        return await readers.devices();
      } catch (error) {
        throw new AppError('READER_DRIVER_UNAVAILABLE', error instanceof Error ? error.message : String(error));
      }
    },
  };

  return {
    handlers,
    events,
    log: options.log,
    dataDir: options.dataDir,
    async close() {
      if (closed) return;
      closed = true;
      await replayer.stop();
      await tickoweb.close();
      admin.close();
      connectivity.close();
      await virtualReader.close();
      await readers.close();
      await images.close();
      await venueManager.close();
      cacheDb.close();
      db.close();
      unlock();
    },
  };
}

type FoundResult = Extract<IdentifyResult, { kind: 'found' }>;

/** `{ [key]: value }` when there is a value: optional fields stay absent rather than undefined. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

const demoUidFormat: UidFormatCalibration = {
  state: 'calibrated',
  profile: { encoding: 'hex', shortening: 'none', byteOrder: 'as-read', separator: '', letterCase: 'upper' },
  calibratedAt: '2026-01-01T00:00:00.000Z',
  sample: { raw: '04A2B3C4D5E6C1', uid: '04A2B3C4D5E6C1' },
};

function pendingMark(item: OutboxItem): PendingMark {
  // marksFor() hands over open and done items only; a discarded one would be a bug, shown as pending rather than hidden.
  const state = item.state === 'discarded' ? 'pending' : item.state;
  return { id: item.id, action: item.action, state, createdAt: item.createdAt };
}

/** A refusal the desk waited for, as the error the renderer shows (with the server's words). */
function refusalOf(item: OutboxItem): AppError {
  const code = ErrorCode.safeParse(item.lastError?.code);
  return new AppError(code.success ? code.data : 'VM_UNKNOWN_ERROR', item.lastError?.message ?? 'Venue Manager refused the action', {
    productId: item.action.productId,
    ...(item.lastError === null ? {} : { serverMessage: item.lastError.message }),
  });
}

/** An edit keeps the kind and the product; only the fields a person changed differ. */
function editedAction(
  action: QueuedAction,
  changes: { uid?: string | undefined; newUid?: string | undefined; reason?: string | undefined; comment?: string | undefined },
): QueuedAction {
  switch (action.kind) {
    case 'comment':
      return { ...action, comment: changes.comment ?? action.comment };
    case 'replace':
      return { ...action, uid: changes.uid ?? action.uid, newUid: changes.newUid ?? action.newUid, reason: changes.reason ?? action.reason };
    default:
      return { ...action, uid: changes.uid ?? action.uid, reason: changes.reason ?? action.reason };
  }
}

/**
 * Venue Manager cannot answer now: not reached, not allowed to be asked, failing on its side, or
 * refusing our credentials (DESIGN §3: lookups then fall back to the cache, and actions are
 * queued, not refused). The cases the cache answers for.
 */
function unreachable(error: unknown): boolean {
  return (
    error instanceof AppError &&
    (error.code === 'NETWORK' ||
      error.code === 'TIMEOUT' ||
      error.code === 'OFFLINE_FORCED' ||
      error.code === 'SERVER_ERROR' ||
      error.code === 'UNAUTHORIZED')
  );
}
