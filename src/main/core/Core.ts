import type { Database } from 'better-sqlite3';
import type { Status } from '../../shared/contract';
import type { IdentifyResult, OwnerMatch, ScanEvent } from '../../shared/model';
import type { SearchCriteria } from '../../shared/search';
import { patchNeedsAdmin, secretNames } from '../../shared/settings';
import type { SecretName, SettingsView } from '../../shared/settings';
import { AdminLock } from '../admin/AdminLock';
import { TokenActions } from '../actions/TokenActions';
import { AuditLog } from '../audit/AuditLog';
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
import { openCacheConnection, openStore } from '../store/Store';
import { ownerMatchFromHistory, ownerMatches } from '../venue-manager/productView';
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
  const db = openStore(options.dataDir);
  const events = new EventBus((error) => options.log.error('an event listener failed', error));
  let secrets: SecretStore;
  try {
    secrets = await options.secrets(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const settingsStore = new SettingsStore(db, now);
  const scanLog = new ScanLog(db);
  const operator = new OperatorSession(db, now);
  const admin = new AdminLock(db, { now, onChange: (adminStatus) => events.emit('admin', adminStatus) });

  const connectivity = new ConnectivityTracker({
    now,
    onChange: () => events.emit('status', status()),
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
    baseUrl: () => venueClient().baseUrl,
    authHeaders: () => {
      const settings = settingsStore.read().settings.venueManager;
      return settings.baseUrl === '' ? {} : venueManagerAuthHeaders(settings, secrets);
    },
  });
  /** Every product handed to the screen may have its image asked for. */
  const shown = <T extends { match: OwnerMatch } | { hits: OwnerMatch[] }>(result: T): T => {
    images.remember('match' in result ? [result.match] : result.hits);
    return result;
  };
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
  /** Every answer is kept, so the desk can still answer when Venue Manager cannot be reached. */
  const searchAndCache = async (criteria: SearchCriteria) => {
    const customers = await venueClient().search(criteria);
    cache.storeCustomers(customers, now());
    return customers;
  };
  const wristbands = new WristbandLookup({
    searchToken: (tokenUid) => searchAndCache({ tokenUid }),
    venueFormat: venueUidFormat,
  });
  const actions = new TokenActions({
    client: () => venueClient(),
    audit: new AuditLog(db, now),
    operator: () => operator.requireName(),
    desk: () => settingsStore.read().settings.deskName,
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

  /** The client, unless the admin switched the desk to work offline: then nothing leaves. */
  function venueClient() {
    if (settingsStore.read().settings.workOffline) {
      throw new AppError('OFFLINE_FORCED', 'The admin has set this desk to work offline');
    }
    return venueManager.current();
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

  async function applyVenueManagerSettings(): Promise<void> {
    const wasDemo = venueManager.demo;
    await venueManager.configure(settingsStore.read().settings.venueManager);
    if (wasDemo !== venueManager.demo) connectivity.reset();
    events.emit('status', status());
  }

  try {
    await applyVenueManagerSettings();
    await applyReaderSettings();
  } catch (error) {
    cacheDb.close();
    db.close();
    throw error;
  }
  options.log.info('core started', { dataDir: options.dataDir, demo: venueManager.demo });

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
      await applyVenueManagerSettings();
      if (patch.readers !== undefined) await applyReaderSettings();
      return settingsChanged();
    },
    'secrets.set': async ({ name, value }) => {
      admin.require();
      await secrets.set(name, value);
      events.emit('status', status());
      return settingsChanged();
    },
    'secrets.clear': async ({ name }) => {
      admin.require();
      await secrets.clear(name);
      events.emit('status', status());
      return settingsChanged();
    },
    'identify.lookup': async ({ uid }): Promise<IdentifyResult> => {
      try {
        const found = await wristbands.find(uid);
        if (found === undefined) return { kind: 'not-found', uid, fetchedAt: now() };
        images.remember(found.matches);
        return { kind: 'found', uid, fetchedAt: now(), ...found };
      } catch (error) {
        // Unreachable: what this desk saw before, with its age. Not in the cache: the error
        // stands — "not found" would claim more than the desk knows.
        const cached = unreachable(error) ? cache.byTokenUid(uid) : undefined;
        const [first, ...rest] = cached?.matches ?? [];
        if (cached === undefined || first === undefined) throw error;
        return { kind: 'found', uid, matches: [first, ...rest], fetchedAt: now(), cachedAt: cached.oldestFetchedAt };
      }
    },
    'venueManager.search': async (criteria) => {
      try {
        return shown({ hits: ownerMatches(await searchAndCache(criteria)), fetchedAt: now() });
      } catch (error) {
        if (!unreachable(error)) throw error;
        const cached = cache.search(criteria);
        if (cached.kind === 'not-answerable-offline') {
          throw new AppError('OFFLINE_NOT_ANSWERABLE', cached.message, { criteria: cached.criteria });
        }
        // Nothing cached matches: that says nothing about Venue Manager, so the error stands.
        if (cached.matches.length === 0 || cached.oldestFetchedAt === undefined) throw error;
        return { hits: cached.matches, fetchedAt: now(), cachedAt: cached.oldestFetchedAt };
      }
    },
    'venueManager.product': async ({ productId }) => {
      let history;
      try {
        history = await venueClient().productHistory(productId);
      } catch (error) {
        const cached = unreachable(error) ? cache.byProductId(productId) : undefined;
        if (cached === undefined) throw error;
        return { match: cached.match, fetchedAt: now(), cachedAt: cached.fetchedAt };
      }
      cache.storeHistory(history, now());
      const match = ownerMatchFromHistory(history);
      if (match === undefined) {
        throw new AppError('BAD_RESPONSE', 'The product history names no owner for this product', { productId });
      }
      return shown({ match, fetchedAt: now() });
    },
    'venueManager.productImage': async ({ url }) => ({ dataUrl: await images.dataUrl(url) }),
    'actions.block': async (request) => shown(await actions.block(request)),
    'actions.replace': async (request) => shown(await actions.replace({ ...request, newUid: asVenueUid(request.newUid) })),
    'actions.add': async (request) => shown(await actions.add({ ...request, uid: asVenueUid(request.uid) })),
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
    'actions.comment': async (request) => shown(await actions.comment(request)),
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
      options.log.info('local data cleared', { scans, products });
      return Promise.resolve({ scans, products });
    },
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
      admin.close();
      connectivity.close();
      await virtualReader.close();
      await readers.close();
      await images.close();
      await venueManager.close();
      cacheDb.close();
      db.close();
    },
  };
}

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

/** Venue Manager could not be asked (or must not be): the cases the cache answers for. */
function unreachable(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'NETWORK' || error.code === 'TIMEOUT' || error.code === 'OFFLINE_FORCED');
}
