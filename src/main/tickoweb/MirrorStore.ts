import type { Database, Statement } from 'better-sqlite3';
import { MAPPING_VERSION, parseOrderFiles } from './TickowebMapping';
import type { ParseFailureReason } from './TickowebMapping';
import type { ChannelFields, EventFields, OrderFields } from './types';
import {
  bucketSql,
  channelSql,
  clearSql,
  eventSql,
  indexSql,
  linkSql,
  optimizeSql,
  orderSql,
  quarantineSql,
  runSql,
  searchSql,
  summarySql,
} from './mirrorSql';

// ---------------------------------------------------------------------------------------------
// Shapes

/** What the store knows of an order folder, to decide whether to fetch it again. */
export interface OrderFolderState {
  modified: number | null;
  etag: string | null;
  /** The state is that of a version that was quarantined (the stored order, if any, is older). */
  quarantined: boolean;
}

export interface OrderUpsert {
  /** The order folder's path ('…/order/1-500/<uuid>/'). */
  path: string;
  uuid: string;
  /** The folder's last-modified (epoch ms) and ETag from the listing. */
  modified: number | null;
  etag: string | null;
  fields: OrderFields;
  /** The files' text as received; null when a file was absent. */
  customerRaw: string | null;
  detailsRaw: string | null;
}

/** Why a file was refused: the mapping's reasons, or one the sync finds (e.g. 'missing'). */
export type QuarantineReason = ParseFailureReason | (string & {});

export interface QuarantineInput {
  filePath: string;
  /** The order folder the file belongs to; null for event.json and channel files. */
  orderPath: string | null;
  reason: QuarantineReason;
  detail: string;
  /** The file's first 200 characters (see quarantineSample). */
  sample: string;
  /**
   * The last-modified / ETag of what failed (the order folder for order files). Given, an
   * unchanged bad folder is reported by orderStates as up to date and not fetched again.
   */
  modified?: number | null;
  etag?: string | null;
}

export interface QuarantineEntry {
  filePath: string;
  orderPath: string | null;
  reason: QuarantineReason;
  detail: string;
  sample: string;
  modified: number | null;
  etag: string | null;
  at: number;
}

export interface BucketCommit {
  eventPath: string;
  bucketPath: string;
  bucketModified: number | null;
  upserts: readonly OrderUpsert[];
  /** Order folder paths that vanished from the bucket. */
  deletions: readonly string[];
  quarantined: readonly QuarantineInput[];
  /** Files that parse again (an upserted order's own entries are cleared anyway). */
  clearedQuarantine: readonly string[];
}

export interface CommitOutcome {
  stored: number;
  deleted: number;
  quarantined: number;
  cleared: number;
}

export interface EventInput {
  path: string;
  fields: EventFields;
  raw: string | null;
  modified: number | null;
  etag: string | null;
}

export interface ChannelInput {
  path: string;
  eventPath: string;
  uuid: string;
  fields: ChannelFields;
  raw: string | null;
  modified: number | null;
  etag: string | null;
}

export interface MirrorEvent extends EventFields {
  path: string;
  raw: string | null;
  modified: number | null;
  etag: string | null;
  fetchedAt: number;
}

export interface MirrorChannel extends ChannelFields {
  path: string;
  eventPath: string;
  uuid: string;
  raw: string | null;
  modified: number | null;
  etag: string | null;
  fetchedAt: number;
}

/** An order for the order view: extracted fields, the raw files, its event and channel. */
export interface MirrorOrder {
  path: string;
  eventPath: string;
  bucketPath: string;
  uuid: string;
  folderModified: number | null;
  folderEtag: string | null;
  fields: OrderFields;
  mappingVersion: number;
  customerRaw: string | null;
  detailsRaw: string | null;
  fetchedAt: number;
  detailsRefreshedAt: number;
  event: MirrorEvent | null;
  /** The channel whose uuid the details name, when mirrored. */
  channel: MirrorChannel | null;
  /** Newer versions of its files that were refused, if any. */
  quarantine: QuarantineEntry[];
}

export type SearchField = 'name' | 'email' | 'phone' | 'orderNumber' | 'barcode';
export type MatchKind = 'exact' | 'prefix' | 'substring';

export interface MirrorSearchHit {
  orderPath: string;
  eventPath: string;
  eventName: string | null;
  orderNumber: string | null;
  status: string | null;
  createdAt: string | null;
  name: string | null;
  email: string | null;
  kind: MatchKind;
  /** The field that matched best, its value as stored and the matched ranges (UTF-16 offsets). */
  field: SearchField;
  value: string;
  highlight: { start: number; end: number }[];
}

export interface MirrorSearchResult {
  hits: MirrorSearchHit[];
  /** More orders matched than the limit. */
  truncated: boolean;
}

export type LinkReason = 'email' | 'name+phone' | 'name+barcode' | 'barcode';

export interface LinkMatch {
  orderPath: string;
  reason: LinkReason;
  /** The owner's values that matched (e.g. the e-mail, or the name and the phone). */
  matched: string[];
}

export interface WristbandOwnerKeys {
  emails?: readonly string[];
  names?: readonly string[];
  phones?: readonly string[];
  barcodes?: readonly string[];
}

export interface SyncRun {
  id: number;
  startedAt: number;
  finishedAt: number | null;
  result: string | null;
  counts: Record<string, number> | null;
  detail: string | null;
}

export interface MirrorSummary {
  events: number;
  channels: number;
  orders: number;
  quarantined: number;
  incompleteBuckets: number;
  newestFetchedAt: number | null;
  /** The latest run; finishedAt null means it is running or was cut short. */
  lastRun: SyncRun | null;
}

// ---------------------------------------------------------------------------------------------
// Folding and keys

/**
 * Letters that Unicode does not decompose into a base letter and a mark (so NFD and SQLite's
 * unicode61 leave them alone), folded the way a Nordic or German speaker would type them on a
 * keyboard without them: Ærø → aero, Søren → soren, Straße → strasse, Łukasz → lukasz.
 */
const SPECIAL_FOLDS: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ſ: 's',
};

const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    folded = Array.from(ch.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, ''))
      .map((c) => SPECIAL_FOLDS[c] ?? c)
      .join('');
    if (foldCache.size < 10_000) foldCache.set(ch, folded);
  }
  return folded;
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** Case, accents and ligatures folded: what the search tables index and queries are compared in. */
export function searchFold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/**
 * The fold, with where each folded UTF-16 unit came from in the original (for highlighting);
 * null maps for ASCII text, whose fold is one-to-one.
 */
function foldWithMap(text: string): { text: string; starts: number[] | null; ends: number[] | null } {
  if (ASCII.test(text)) return { text: text.toLowerCase(), starts: null, ends: null };
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const ch of text) {
    const folded = foldChar(ch);
    for (let i = 0; i < folded.length; i++) {
      starts.push(index);
      ends.push(index + ch.length);
    }
    out += folded;
    index += ch.length;
  }
  return { text: out, starts, ends };
}

const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;

function words(folded: string): string[] {
  return folded.split(WORD_SEPARATORS).filter((w) => w !== '');
}

/** E-mail key: NFC, trimmed, lower-case. */
export function emailKey(email: string): string | null {
  const key = email.normalize('NFC').trim().toLowerCase();
  return key === '' ? null : key;
}

/** Name key: folded words in sorted order, so "Hansen, Mette" = "mette HANSEN" = "Mette Hånsen". */
export function nameKey(name: string): string | null {
  const key = words(searchFold(name.normalize('NFC'))).sort().join(' ');
  return key === '' ? null : key;
}

/** Phone key: the last 9 digits (0470 12 34 56 = +32 470 12 34 56); null under 6 digits. */
export function phoneKey(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return digits.length < 6 ? null : digits.slice(-9);
}

/** Barcode / order number key: NFC, trimmed, upper-case. */
export function codeKey(code: string): string | null {
  const key = code.normalize('NFC').trim().toUpperCase();
  return key === '' ? null : key;
}

type KeyField = 'email' | 'name' | 'phone' | 'barcode' | 'number';

function orderKeys(fields: OrderFields): [KeyField, string][] {
  const keys: [KeyField, string | null][] = [
    ...fields.emails.map((e): [KeyField, string | null] => ['email', emailKey(e)]),
    ...fields.names.map((n): [KeyField, string | null] => ['name', nameKey(n)]),
    ...fields.phones.map((p): [KeyField, string | null] => ['phone', phoneKey(p)]),
    ...fields.barcodes.map((b): [KeyField, string | null] => ['barcode', codeKey(b)]),
    ['number', fields.orderNumber === null ? null : codeKey(fields.orderNumber)],
  ];
  return keys.filter((k): k is [KeyField, string] => k[1] !== null);
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** The texts the two search tables index for an order (folded; phones also as bare digits). */
function searchTexts(fields: OrderFields): { names: string; emails: string; phones: string; numbers: string } {
  const join = (values: readonly string[]) => values.map((v) => searchFold(v.normalize('NFC'))).join('\n');
  return {
    names: join(fields.names),
    emails: join(fields.emails),
    phones: join(fields.phones.flatMap((p) => [p, digitsOf(p)])),
    numbers: join([...(fields.orderNumber === null ? [] : [fields.orderNumber]), ...fields.barcodes]),
  };
}

/** A folder's descendants are the paths in [folder, folder with its final '/' raised to '0'). */
function under(folder: string): [string, string] {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  return [base, `${base.slice(0, -1)}0`];
}

// ---------------------------------------------------------------------------------------------
// Search queries

const PHONE_LIKE = /^[\d\s+\-./()]+$/;
const MAX_QUERY = 200;

interface ParsedQuery {
  raw: string;
  /** Folded, split on white space. */
  terms: string[];
  /** The words of each term (a term like "smith@ex" has two). */
  termWords: string[][];
  /** Each term's words at a word start, separated by anything (for highlighting prefix hits). */
  termPatterns: RegExp[];
  /** A phone- or number-like query's bare digits (≥ 3), else null. */
  digits: string | null;
}

function parseQuery(query: string): ParsedQuery | null {
  const raw = query.normalize('NFC').trim().slice(0, MAX_QUERY);
  if (raw === '') return null;
  const terms = searchFold(raw).split(/\s+/).filter((t) => t !== '');
  const termWords = terms.map(words).filter((w) => w.length > 0);
  const termPatterns = termWords.map((w) => new RegExp(`(?<![\\p{L}\\p{N}])${w.map(escapeRegExp).join('[^\\p{L}\\p{N}]+')}`, 'u'));
  const digits = PHONE_LIKE.test(raw) ? digitsOf(raw) : '';
  return { raw, terms, termWords, termPatterns, digits: digits.length >= 3 ? digits : null };
}

/** Every term as a word prefix (its words adjacent): as you type, every word may be unfinished. */
function wordsExpression(q: ParsedQuery): string | null {
  if (q.termWords.length === 0) return null;
  // Words hold only letters and digits: nothing in them can be read as FTS5 syntax.
  const all = q.termWords.map((w) => `"${w.join(' ')}"*`).join(' ');
  const onlyDigits = q.termWords.length === 1 && q.termWords[0]?.length === 1 && q.termWords[0][0] === q.digits;
  return q.digits === null || onlyDigits ? all : `(${all}) OR "${q.digits}"*`;
}

/** Every term as a substring; trigrams need 3 characters per term. */
function trigramExpression(q: ParsedQuery): string | null {
  const long = q.terms.every((t) => Array.from(t).length >= 3);
  const all = long ? q.terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' ') : null;
  const digits = q.digits !== null && q.digits !== q.terms.join('') ? `"${q.digits}"` : null;
  if (all !== null && digits !== null) return `(${all}) OR ${digits}`;
  return all ?? digits;
}

interface Candidate {
  field: SearchField;
  value: string;
}

const FIELD_ORDER: readonly SearchField[] = ['name', 'email', 'orderNumber', 'barcode', 'phone'];

function candidates(fields: OrderFields): Candidate[] {
  return [
    ...fields.names.map((value) => ({ field: 'name' as const, value })),
    ...fields.emails.map((value) => ({ field: 'email' as const, value })),
    ...(fields.orderNumber === null ? [] : [{ field: 'orderNumber' as const, value: fields.orderNumber }]),
    ...fields.barcodes.map((value) => ({ field: 'barcode' as const, value })),
    ...fields.phones.map((value) => ({ field: 'phone' as const, value })),
  ];
}

type Range = { start: number; end: number };

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last !== undefined && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Where `digits` start within the value's digits, mapped back onto the value. */
function digitRange(value: string, digits: string, prefixOnly: boolean): Range | null {
  const positions: number[] = [];
  let all = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    if (ch >= '0' && ch <= '9') {
      positions.push(i);
      all += ch;
    }
  }
  const at = prefixOnly ? (all.startsWith(digits) ? 0 : -1) : all.indexOf(digits);
  const start = positions[at];
  const last = positions[at + digits.length - 1];
  return start === undefined || last === undefined ? null : { start, end: last + 1 };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The ranges of the query's terms in one value, and how many terms they cover. */
function matchValue(candidate: Candidate, q: ParsedQuery, kind: MatchKind): { covered: number; ranges: Range[] } {
  const value = candidate.value.normalize('NFC');
  const folded = foldWithMap(value);
  const ranges: Range[] = [];
  let covered = 0;
  const toOriginal = (start: number, end: number): Range =>
    folded.starts === null || folded.ends === null
      ? { start, end }
      : { start: folded.starts[start] ?? 0, end: folded.ends[end - 1] ?? value.length };
  if (kind === 'substring') {
    for (const term of q.terms) {
      const at = folded.text.indexOf(term);
      if (at >= 0) {
        covered += 1;
        ranges.push(toOriginal(at, at + term.length));
      }
    }
  } else {
    for (const pattern of q.termPatterns) {
      const match = pattern.exec(folded.text);
      if (match !== null) {
        covered += 1;
        ranges.push(toOriginal(match.index, match.index + match[0].length));
      }
    }
  }
  if (q.digits !== null && (candidate.field === 'phone' || candidate.field === 'barcode' || candidate.field === 'orderNumber')) {
    const range = digitRange(value, q.digits, kind === 'prefix' && candidate.field === 'phone');
    if (range !== null) {
      covered = Math.max(covered, q.terms.length);
      ranges.push(range);
    }
  }
  return { covered, ranges: mergeRanges(ranges) };
}

// ---------------------------------------------------------------------------------------------
// The store

interface OrderRow {
  id: number;
  path: string;
  eventPath: string;
  bucketPath: string;
  uuid: string;
  folderModified: number | null;
  folderEtag: string | null;
  fields: string;
  mappingVersion: number;
  customerRaw: string | null;
  detailsRaw: string | null;
  fetchedAt: number;
  detailsRefreshedAt: number;
}

interface RunRow {
  id: number;
  startedAt: number;
  finishedAt: number | null;
  result: string | null;
  counts: string | null;
  detail: string | null;
}

type Statements<T extends Record<string, string>> = { [K in keyof T]: Statement };

function prepareAll<T extends Record<string, string>>(db: Database, sql: T): Statements<T> {
  return Object.fromEntries(Object.entries(sql).map(([name, text]) => [name, db.prepare(text)])) as Statements<T>;
}

function parseFields(json: string): OrderFields {
  return JSON.parse(json) as OrderFields;
}

/**
 * The Tickoweb mirror's tables (store migration 8): what the sync stores and what the desk reads.
 * Synchronous: every call is a few index seeks or one transaction on the core's database.
 * `now` stamps fetched_at and the sync-run times (epoch ms).
 */
export class MirrorStore {
  private readonly sql: {
    order: Statements<typeof orderSql>;
    index: Statements<typeof indexSql>;
    find: Statements<typeof searchSql>;
    link: Statements<typeof linkSql>;
    bucket: Statements<typeof bucketSql>;
    event: Statements<typeof eventSql>;
    channel: Statements<typeof channelSql>;
    quarantine: Statements<typeof quarantineSql>;
    run: Statements<typeof runSql>;
    summary: Statement;
  };

  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.sql = {
      order: prepareAll(db, orderSql),
      index: prepareAll(db, indexSql),
      find: prepareAll(db, searchSql),
      link: prepareAll(db, linkSql),
      bucket: prepareAll(db, bucketSql),
      event: prepareAll(db, eventSql),
      channel: prepareAll(db, channelSql),
      quarantine: prepareAll(db, quarantineSql),
      run: prepareAll(db, runSql),
      summary: db.prepare(summarySql),
    };
  }

  // --- Orders and buckets (the sync) ---------------------------------------------------------

  /**
   * What is stored for each order folder of a bucket (the key set is what the sync compares the
   * listing with, to find new, changed and deleted orders). A folder whose newer version was
   * quarantined reports that version's state, so it is not fetched again until it changes.
   */
  orderStates(bucketPath: string): Map<string, OrderFolderState> {
    const states = new Map<string, OrderFolderState>();
    for (const row of this.sql.order.statesInBucket.all(bucketPath) as { path: string; modified: number | null; etag: string | null }[]) {
      states.set(row.path, { modified: row.modified, etag: row.etag, quarantined: false });
    }
    const [from, to] = under(bucketPath);
    for (const row of this.sql.quarantine.statesUnder.all(from, to) as { path: string; modified: number | null; etag: string | null }[]) {
      states.set(row.path, { modified: row.modified, etag: row.etag, quarantined: true });
    }
    return states;
  }

  /**
   * Records a bucket listing of an event: a new bucket, or one whose last-modified moved, is
   * incomplete until its commit — what an interrupted sync resumes with (incompleteBuckets).
   */
  recordBucketListing(eventPath: string, buckets: readonly { path: string; modified: number | null }[]): void {
    this.db.transaction(() => {
      const now = this.now();
      for (const b of buckets) this.sql.bucket.listed.run(b.path, eventPath, b.modified, now);
    })();
  }

  /**
   * One bucket's changes in one transaction: orders stored (fields, keys and both search tables
   * together), vanished orders deleted, quarantine entries cleared and added, the bucket marked
   * complete. Anything failing inside leaves the database as it was before the call.
   */
  commitBucket(commit: BucketCommit): CommitOutcome {
    return this.db.transaction((): CommitOutcome => {
      const now = this.now();
      const outcome: CommitOutcome = { stored: 0, deleted: 0, quarantined: 0, cleared: 0 };
      for (const upsert of commit.upserts) {
        this.storeOrder(commit.eventPath, commit.bucketPath, upsert, now);
        outcome.stored += 1;
        // The order parsed: whatever was refused of it before is now superseded.
        outcome.cleared += this.sql.quarantine.deleteByOrder.run(upsert.path).changes;
      }
      for (const path of commit.deletions) {
        outcome.deleted += this.sql.order.deleteByPath.run(path).changes;
        outcome.cleared += this.sql.quarantine.deleteByOrder.run(path).changes;
      }
      for (const filePath of commit.clearedQuarantine) outcome.cleared += this.sql.quarantine.delete.run(filePath).changes;
      for (const entry of commit.quarantined) {
        this.putQuarantine(entry, now);
        outcome.quarantined += 1;
      }
      this.sql.bucket.committed.run(commit.bucketPath, commit.eventPath, commit.bucketModified, now);
      return outcome;
    })();
  }

  bucketPaths(eventPath: string): string[] {
    return this.sql.bucket.pathsOfEvent.pluck().all(eventPath) as string[];
  }

  /** Buckets listed but not (or not since they changed) committed, oldest path first. */
  incompleteBuckets(): { path: string; eventPath: string }[] {
    return this.sql.bucket.incomplete.all() as { path: string; eventPath: string }[];
  }

  /** A bucket that vanished: its orders, their quarantine entries and the bucket itself. */
  deleteBucket(path: string): number {
    return this.db.transaction(() => {
      const deleted = this.sql.order.deleteByBucket.run(path).changes;
      this.sql.quarantine.deleteUnder.run(...under(path));
      this.sql.bucket.delete.run(path);
      return deleted;
    })();
  }

  /**
   * details.json fetched again (scans do not move a folder's last-modified): the folder's state
   * stays, so the next sync still sees the folder as unchanged. `fields` are the whole order's
   * (parse the stored customer.json with the new details). False when the order is not stored.
   */
  refreshDetails(orderPath: string, detailsRaw: string | null, fields: OrderFields): boolean {
    return this.db.transaction(() => {
      const existing = this.sql.order.existing.get(orderPath) as { id: number; fields: string } | undefined;
      if (existing === undefined) return false;
      const fieldsJson = JSON.stringify(fields);
      this.sql.order.refreshDetails.run({ ...this.orderColumns(fields, fieldsJson), detailsRaw, now: this.now(), id: existing.id });
      if (existing.fields !== fieldsJson) this.reindex(existing.id, fields);
      return true;
    })();
  }

  /** Orders whose details were last fetched before `refreshedBefore`, least recently refreshed first. */
  staleDetails(refreshedBefore: number, limit: number): string[] {
    return this.sql.order.staleDetails.pluck().all(refreshedBefore, limit) as string[];
  }

  /**
   * After a mapping correction (MAPPING_VERSION bumped): re-derives the fields, keys and search
   * rows of orders stored under an older mapping from their raw files, `batch` per transaction.
   * Returns how many were re-derived; an order whose files no longer parse keeps its fields.
   */
  reextractOutdated(batch = 500): number {
    let total = 0;
    for (;;) {
      const rows = this.sql.order.outdatedMapping.all(MAPPING_VERSION, batch) as { id: number; customerRaw: string | null; detailsRaw: string | null }[];
      if (rows.length === 0) return total;
      this.db.transaction(() => {
        for (const row of rows) {
          const parsed = parseOrderFiles(row.customerRaw, row.detailsRaw);
          if (parsed.ok) {
            this.sql.order.rederive.run({ ...this.orderColumns(parsed.fields, JSON.stringify(parsed.fields)), id: row.id });
            this.reindex(row.id, parsed.fields);
            total += 1;
          } else {
            this.sql.order.bumpMapping.run(MAPPING_VERSION, row.id);
          }
        }
      })();
    }
  }

  /** One order with its raw files, event, channel and refused newer files; undefined if not stored. */
  order(path: string): MirrorOrder | undefined {
    const row = this.sql.order.byPath.get(path) as OrderRow | undefined;
    if (row === undefined) return undefined;
    const fields = parseFields(row.fields);
    const channelId = fields.channelId?.toLowerCase() ?? null;
    const channel =
      channelId === null
        ? undefined
        : this.channels(row.eventPath).find((c) => c.uuid.toLowerCase() === channelId || c.path.toLowerCase().endsWith(`/${channelId}.json`));
    return {
      path: row.path,
      eventPath: row.eventPath,
      bucketPath: row.bucketPath,
      uuid: row.uuid,
      folderModified: row.folderModified,
      folderEtag: row.folderEtag,
      fields,
      mappingVersion: row.mappingVersion,
      customerRaw: row.customerRaw,
      detailsRaw: row.detailsRaw,
      fetchedAt: row.fetchedAt,
      detailsRefreshedAt: row.detailsRefreshedAt,
      event: this.event(row.eventPath) ?? null,
      channel: channel ?? null,
      quarantine: this.sql.quarantine.ofOrder.all(path) as QuarantineEntry[],
    };
  }

  // --- Events and channels -------------------------------------------------------------------

  upsertEvent(input: EventInput): void {
    this.sql.event.upsert.run({ path: input.path, ...input.fields, raw: input.raw, modified: input.modified, etag: input.etag, now: this.now() });
  }

  event(path: string): MirrorEvent | undefined {
    return this.sql.event.byPath.get(path) as MirrorEvent | undefined;
  }

  events(): MirrorEvent[] {
    return this.sql.event.all.all() as MirrorEvent[];
  }

  /** An event that vanished (or left the credentials' scope), with everything under it. */
  deleteEvent(path: string): { orders: number; channels: number; buckets: number } {
    return this.db.transaction(() => {
      const orders = this.sql.order.deleteByEvent.run(path).changes;
      const channels = this.sql.channel.deleteByEvent.run(path).changes;
      const buckets = this.sql.bucket.deleteByEvent.run(path).changes;
      this.sql.quarantine.deleteUnder.run(...under(path));
      this.sql.event.delete.run(path);
      return { orders, channels, buckets };
    })();
  }

  upsertChannel(input: ChannelInput): void {
    this.sql.channel.upsert.run({
      path: input.path,
      eventPath: input.eventPath,
      uuid: input.uuid,
      ...input.fields,
      raw: input.raw,
      modified: input.modified,
      etag: input.etag,
      now: this.now(),
    });
  }

  channels(eventPath: string): MirrorChannel[] {
    return this.sql.channel.ofEvent.all(eventPath) as MirrorChannel[];
  }

  deleteChannel(path: string): boolean {
    return this.db.transaction(() => {
      this.sql.quarantine.delete.run(path);
      return this.sql.channel.delete.run(path).changes > 0;
    })();
  }

  // --- Quarantine ----------------------------------------------------------------------------

  /** A refused event.json or channel file (order files go through commitBucket). */
  quarantineFile(entry: QuarantineInput): void {
    this.putQuarantine(entry, this.now());
  }

  clearQuarantine(filePaths: readonly string[]): number {
    return this.db.transaction(() => filePaths.reduce((n, p) => n + this.sql.quarantine.delete.run(p).changes, 0))();
  }

  /** Refused files, newest first, with the reason; the stored versions stay as they were. */
  quarantine(limit = 1000): QuarantineEntry[] {
    return this.sql.quarantine.all.all(limit) as QuarantineEntry[];
  }

  // --- Search and linking --------------------------------------------------------------------

  /**
   * As-you-type search over names, e-mails, phones, order and ticket numbers, ignoring case and
   * accents (Søren = Soren, Ærø = aero). Exact keys first (a scanned barcode, a whole e-mail),
   * then word prefixes ("sor", "smith@ex", "tw 1234"), then substrings of 3+ characters in
   * e-mails, phones and numbers ("ith@ex", the middle of a ticket number). Unranked within a kind,
   * newest stored orders first: ranking thousands of hits would cost more than a frame.
   */
  search(query: string, limit = 50): MirrorSearchResult {
    const q = parseQuery(query);
    if (q === null || limit <= 0) return { hits: [], truncated: false };
    const want = limit + 1;
    const found = new Map<number, { kind: MatchKind; exact?: { field: KeyField; key: string } }>();
    const add = (ids: number[], kind: MatchKind, exact?: { field: KeyField; key: string }) => {
      for (const id of ids) {
        if (found.size >= want) return;
        if (!found.has(id)) found.set(id, exact === undefined ? { kind } : { kind, exact });
      }
    };

    for (const [field, key] of this.exactKeys(q)) {
      add(this.sql.find.exactKey.pluck().all(field, key, want) as number[], 'exact', { field, key });
    }
    const wordsQuery = wordsExpression(q);
    if (found.size < want && wordsQuery !== null) add(this.sql.find.words.pluck().all(wordsQuery, want) as number[], 'prefix');
    const trigramQuery = trigramExpression(q);
    if (found.size < want && trigramQuery !== null) add(this.sql.find.trigrams.pluck().all(trigramQuery, want) as number[], 'substring');

    const ids = [...found.keys()].slice(0, limit);
    const rows = new Map(
      (this.sql.order.hits.all(JSON.stringify(ids)) as { id: number; path: string; eventPath: string; eventName: string | null; fields: string }[]).map((r) => [r.id, r]),
    );
    const hits: MirrorSearchHit[] = [];
    for (const id of ids) {
      const row = rows.get(id);
      const how = found.get(id);
      if (row !== undefined && how !== undefined) hits.push(this.hitOf(row, parseFields(row.fields), q, how.kind, how.exact));
    }
    return { hits, truncated: found.size > limit };
  }

  /**
   * Orders that belong to a wristband's owner, strongest reason first: the same e-mail; else the
   * same name (accents, case and word order ignored) with the same phone or barcode; else the
   * same barcode. A name alone is never enough. Each order once, with its best reason.
   */
  ordersMatching(owner: WristbandOwnerKeys): LinkMatch[] {
    const lookup = (field: KeyField, values: readonly string[] | undefined, toKey: (v: string) => string | null) => {
      const byKey = new Map<string, string>();
      for (const v of values ?? []) {
        const key = toKey(v);
        if (key !== null && !byKey.has(key)) byKey.set(key, v);
      }
      const hits = new Map<string, string[]>();
      if (byKey.size === 0) return hits;
      for (const row of this.sql.link.byKeys.all(field, JSON.stringify([...byKey.keys()])) as { key: string; path: string }[]) {
        const list = hits.get(row.path) ?? [];
        list.push(byKey.get(row.key) ?? row.key);
        hits.set(row.path, list);
      }
      return hits;
    };
    const emails = lookup('email', owner.emails, emailKey);
    const names = lookup('name', owner.names, nameKey);
    const phones = lookup('phone', owner.phones, phoneKey);
    const barcodes = lookup('barcode', owner.barcodes, codeKey);

    const matches = new Map<string, LinkMatch>();
    const put = (orderPath: string, reason: LinkReason, matched: string[]) => {
      if (!matches.has(orderPath)) matches.set(orderPath, { orderPath, reason, matched });
    };
    for (const [path, values] of emails) put(path, 'email', values);
    for (const [path, values] of names) {
      const phone = phones.get(path);
      if (phone !== undefined) put(path, 'name+phone', [...values, ...phone]);
    }
    for (const [path, values] of names) {
      const barcode = barcodes.get(path);
      if (barcode !== undefined) put(path, 'name+barcode', [...values, ...barcode]);
    }
    for (const [path, values] of barcodes) put(path, 'barcode', values);
    const rank: Record<LinkReason, number> = { email: 0, 'name+phone': 1, 'name+barcode': 2, barcode: 3 };
    return [...matches.values()].sort((a, b) => rank[a.reason] - rank[b.reason] || (a.orderPath < b.orderPath ? -1 : 1));
  }

  // --- Runs and summary ----------------------------------------------------------------------

  beginRun(): number {
    return Number(this.sql.run.begin.run(this.now()).lastInsertRowid);
  }

  finishRun(id: number, result: string, counts: Record<string, number>, detail: string | null = null): void {
    this.sql.run.finish.run(this.now(), result, JSON.stringify(counts), detail, id);
  }

  summary(): MirrorSummary {
    const counts = this.sql.summary.get() as Omit<MirrorSummary, 'lastRun'>;
    const last = this.sql.run.last.get() as RunRow | undefined;
    return {
      ...counts,
      lastRun:
        last === undefined ? null : { ...last, counts: last.counts === null ? null : (JSON.parse(last.counts) as Record<string, number>) },
    };
  }

  /**
   * Merges the search tables' segments (and drops deleted rows for good): worth it after a first
   * sync or a large one; seconds at 100,000 orders, so call it from the sync, never per keystroke.
   */
  optimizeSearch(): void {
    this.db.exec(optimizeSql);
  }

  /** Everything mirrored (runs are kept: they are the history). */
  clear(): void {
    this.db.transaction(() => this.db.exec(clearSql))();
  }

  // --- Internals -----------------------------------------------------------------------------

  private orderColumns(fields: OrderFields, fieldsJson: string) {
    return {
      orderNumber: fields.orderNumber,
      status: fields.status,
      createdAt: fields.createdAt,
      fields: fieldsJson,
      mappingVersion: MAPPING_VERSION,
    };
  }

  private storeOrder(eventPath: string, bucketPath: string, upsert: OrderUpsert, now: number): void {
    const fieldsJson = JSON.stringify(upsert.fields);
    const params = {
      path: upsert.path,
      eventPath,
      bucketPath,
      uuid: upsert.uuid,
      modified: upsert.modified,
      etag: upsert.etag,
      ...this.orderColumns(upsert.fields, fieldsJson),
      customerRaw: upsert.customerRaw,
      detailsRaw: upsert.detailsRaw,
      now,
    };
    const existing = this.sql.order.existing.get(upsert.path) as { id: number; fields: string } | undefined;
    if (existing === undefined) {
      const id = Number(this.sql.order.insert.run(params).lastInsertRowid);
      this.indexOrder(id, upsert.fields);
    } else {
      this.sql.order.update.run({ ...params, id: existing.id });
      if (existing.fields !== fieldsJson) this.reindex(existing.id, upsert.fields);
    }
  }

  private reindex(id: number, fields: OrderFields): void {
    this.sql.index.deleteKeys.run(id);
    this.sql.index.deleteWords.run(id);
    this.sql.index.deleteTrigrams.run(id);
    this.indexOrder(id, fields);
  }

  private indexOrder(id: number, fields: OrderFields): void {
    for (const [field, key] of orderKeys(fields)) this.sql.index.insertKey.run(field, key, id);
    const texts = searchTexts(fields);
    this.sql.index.insertWords.run(id, texts.names, texts.emails, texts.phones, texts.numbers);
    this.sql.index.insertTrigrams.run(id, texts.emails, texts.phones, texts.numbers);
  }

  private putQuarantine(entry: QuarantineInput, now: number): void {
    this.sql.quarantine.upsert.run({
      filePath: entry.filePath,
      orderPath: entry.orderPath,
      reason: entry.reason,
      detail: entry.detail,
      sample: Array.from(entry.sample).slice(0, 200).join(''),
      modified: entry.modified ?? null,
      etag: entry.etag ?? null,
      now,
    });
  }

  private exactKeys(q: ParsedQuery): [KeyField, string][] {
    const keys: [KeyField, string | null][] = [];
    if (!/\s/.test(q.raw)) {
      const code = codeKey(q.raw);
      keys.push(['number', code], ['barcode', code]);
      if (q.raw.includes('@')) keys.push(['email', emailKey(q.raw)]);
    }
    if (PHONE_LIKE.test(q.raw)) keys.push(['phone', phoneKey(q.raw)]);
    if (/\p{L}/u.test(q.raw) && !q.raw.includes('@')) keys.push(['name', nameKey(q.raw)]);
    return keys.filter((k): k is [KeyField, string] => k[1] !== null);
  }

  private hitOf(
    row: { path: string; eventPath: string; eventName: string | null },
    fields: OrderFields,
    q: ParsedQuery,
    kind: MatchKind,
    exact: { field: KeyField; key: string } | undefined,
  ): MirrorSearchHit {
    const base = {
      orderPath: row.path,
      eventPath: row.eventPath,
      eventName: row.eventName,
      orderNumber: fields.orderNumber,
      status: fields.status,
      createdAt: fields.createdAt,
      name: fields.names[0] ?? null,
      email: fields.emails[0] ?? null,
      kind,
    };
    const all = candidates(fields);
    if (exact !== undefined) {
      const keyOf = { email: emailKey, name: nameKey, phone: phoneKey, barcode: codeKey, number: codeKey }[exact.field];
      const field: SearchField = exact.field === 'number' ? 'orderNumber' : exact.field;
      const value = all.find((c) => c.field === field && keyOf(c.value) === exact.key);
      if (value !== undefined) return { ...base, field, value: value.value, highlight: [{ start: 0, end: value.value.length }] };
    }
    let best: { candidate: Candidate; covered: number; ranges: Range[] } | null = null;
    for (const candidate of all) {
      if (kind === 'substring' && candidate.field === 'name') continue;
      const m = matchValue(candidate, q, kind === 'exact' ? 'prefix' : kind);
      if (m.covered === 0) continue;
      if (
        best === null ||
        m.covered > best.covered ||
        (m.covered === best.covered && FIELD_ORDER.indexOf(candidate.field) < FIELD_ORDER.indexOf(best.candidate.field))
      ) {
        best = { candidate, ...m };
      }
    }
    if (best !== null) return { ...base, field: best.candidate.field, value: best.candidate.value, highlight: best.ranges };
    const fallback = all[0];
    return { ...base, field: fallback?.field ?? 'orderNumber', value: fallback?.value ?? '', highlight: [] };
  }
}
