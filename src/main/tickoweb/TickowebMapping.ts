import { z } from 'zod';
import type { ChannelFields, EventFields, OrderFields } from './types';

/**
 * THE one place that knows Tickoweb's JSON field names.
 *
 * UNCONFIRMED: Tickoweb's data definition follows its OpenAPI objects (https://openapi.tickoweb.be/v1,
 * the order object is called `Order`), which we do not have. Every name below is a guess, tried in
 * the order listed; the first that holds a usable value wins (for lists — names, e-mails, phones —
 * every candidate contributes). Keys are compared ignoring case, accents and the characters between
 * words, so `emailAddress`, `email_address`, `E-mail address` and `EMAILADDRESS` are the same name.
 * To correct a name once real files are seen: edit its list, set `confirmed: true`, and bump
 * MAPPING_VERSION (the store then re-derives stored orders from their raw JSON).
 *
 * Tolerant by design: a value of an unexpected type is ignored (and named in `ignored`), a single
 * value stands for a list of one, and nothing here throws. A file is refused (quarantined by the
 * sync) only when it is not JSON, not a JSON object, too large, or has nothing usable but known
 * names with values of the wrong type (`unexpected-types`: the shape has changed under us).
 */

/** Bump when a candidate list or an extraction rule changes. */
export const MAPPING_VERSION = 1;

export interface FieldNames {
  /** Candidate names, tried in order. */
  readonly names: readonly string[];
  /** false until checked against real Tickoweb files (all of them, today). */
  readonly confirmed: boolean;
}

const unconfirmed = (...names: string[]): FieldNames => ({ names, confirmed: false });

/**
 * Every field name we rely on. `wrappers`: objects one level down whose fields count as the
 * file's own (e.g. `{ "customer": { "email": … } }`); the file's own fields win over them.
 */
export const tickowebFieldNames = {
  customer: {
    wrappers: unconfirmed('customer', 'buyer', 'contact', 'person', 'data', 'attributes'),
    firstName: unconfirmed('firstName', 'givenName', 'voornaam', 'prenom'),
    lastName: unconfirmed('lastName', 'familyName', 'surname', 'achternaam', 'nom'),
    fullName: unconfirmed('name', 'fullName', 'displayName', 'naam'),
    email: unconfirmed('email', 'emailAddress', 'mail', 'emailAdres'),
    phone: unconfirmed('phone', 'phoneNumber', 'telephone', 'tel', 'mobile', 'mobilePhone', 'cellPhone', 'gsm', 'telefoon'),
    /** Channel-configured fields may come as a list of `{ name, value }` pairs. */
    fieldList: unconfirmed('fields', 'customFields', 'formFields', 'extraFields', 'questions', 'answers'),
    fieldListKey: unconfirmed('name', 'key', 'label', 'field', 'code', 'id'),
    fieldListValue: unconfirmed('value', 'answer'),
  },
  details: {
    wrappers: unconfirmed('order', 'data', 'details', 'attributes'),
    orderNumber: unconfirmed('orderNumber', 'orderNo', 'orderNr', 'number', 'reference', 'orderReference', 'orderCode', 'orderId', 'id'),
    status: unconfirmed('status', 'orderStatus', 'state'),
    createdAt: unconfirmed('createdAt', 'created', 'createdOn', 'creationDate', 'dateCreated', 'orderDate', 'orderedAt', 'date', 'timestamp'),
    /** A uuid string, or an object carrying `channelUuid`. */
    channel: unconfirmed('channel', 'channelId', 'channelUuid', 'salesChannel', 'salesChannelId'),
    channelUuid: unconfirmed('uuid', 'id', 'channelId'),
    /** Ticket / order-line lists; a line may hold its own `tickets` (see `nestedTickets`). */
    tickets: unconfirmed('tickets', 'items', 'orderItems', 'orderLines', 'lines', 'products'),
    nestedTickets: unconfirmed('tickets', 'barcodes'),
    /** Order-level list of barcode strings. */
    barcodes: unconfirmed('barcodes', 'ticketNumbers', 'ticketCodes'),
    scans: unconfirmed('scans', 'scanHistory', 'scanLog', 'checkins', 'accessLogs'),
  },
  ticket: {
    barcode: unconfirmed('barcode', 'ticketNumber', 'ticketCode', 'ticketBarcode', 'code', 'qrCode', 'ean'),
    productName: unconfirmed('productName', 'product', 'ticketType', 'ticketTypeName', 'ticketName', 'name', 'title', 'description'),
    /** A number, a numeric string, or `{ amount | value, currency }`. */
    price: unconfirmed('price', 'unitPrice', 'amount', 'totalPrice', 'total', 'value'),
    quantity: unconfirmed('quantity', 'qty', 'count'),
    /** Who the ticket is for: objects whose names and e-mails join the order's (for linking). */
    holder: unconfirmed('holder', 'ticketHolder', 'attendee', 'visitor', 'owner', 'person'),
  },
  scan: {
    at: unconfirmed('scannedAt', 'scanDate', 'scanTime', 'scanned', 'timestamp', 'at', 'time', 'dateTime', 'date', 'createdAt'),
    barcode: unconfirmed('barcode', 'ticketNumber', 'ticketCode', 'code'),
    gate: unconfirmed('gate', 'gateName', 'scanner', 'scannerName', 'device', 'deviceName', 'checkpoint', 'accessPoint', 'entrance', 'door', 'zone', 'location'),
  },
  event: {
    wrappers: unconfirmed('event', 'data'),
    name: unconfirmed('name', 'title', 'eventName'),
    startsAt: unconfirmed('startDate', 'startsAt', 'start', 'startDateTime', 'startTime', 'dateStart', 'beginDate', 'date', 'from'),
    /** Text, or an object with a name (see `placeName`). */
    location: unconfirmed('location', 'venue', 'locationName', 'venueName', 'place', 'address'),
    placeName: unconfirmed('name', 'title', 'city'),
  },
  channel: {
    wrappers: unconfirmed('channel', 'data'),
    name: unconfirmed('name', 'title', 'channelName'),
    type: unconfirmed('type', 'channelType', 'kind'),
    url: unconfirmed('url', 'link', 'shopUrl', 'webshopUrl', 'website', 'uri'),
  },
} as const;

type Section = keyof typeof tickowebFieldNames;

const fileOfSection: Record<Section, string> = {
  customer: 'customer.json',
  details: 'details.json',
  ticket: 'details.json › ticket',
  scan: 'details.json › scan',
  event: 'event.json',
  channel: '<channel-uuid>.json',
};

/** Every path the mapping tries, for the README, the admin's diagnostics screen and reviews. */
export const mappingPathsTried: readonly { file: string; field: string; names: readonly string[]; confirmed: boolean }[] =
  (Object.keys(tickowebFieldNames) as Section[]).flatMap((section) =>
    Object.entries(tickowebFieldNames[section]).map(([field, entry]: [string, FieldNames]) => ({
      file: fileOfSection[section],
      field,
      names: entry.names,
      confirmed: entry.confirmed,
    })),
  );

// ---------------------------------------------------------------------------------------------
// Limits and results

export interface ParseLimits {
  /** Per file, in bytes (UTF-8). Default 1 MB. */
  maxBytes?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export type ParseFailureReason = 'not-json' | 'not-an-object' | 'too-large' | 'unexpected-types';

export interface ParseFailure {
  ok: false;
  reason: ParseFailureReason;
  /** For people: what was wrong, short. */
  detail: string;
  /** Which file failed (for orders: the first of customer.json, details.json that did). */
  file: string;
}

export type OrderParseResult =
  | {
      ok: true;
      fields: OrderFields;
      customer: unknown;
      details: unknown;
      /** Known names whose values had an unexpected type and were skipped ("customer.json › email: a number"). */
      ignored: string[];
    }
  | ParseFailure;

export type EventParseResult = { ok: true; fields: EventFields; raw: unknown; ignored: string[] } | ParseFailure;
export type ChannelParseResult = { ok: true; fields: ChannelFields; raw: unknown; ignored: string[] } | ParseFailure;

/** A file's text as fetched: a string, the body bytes, or null when the file is absent. */
export type FileText = string | Uint8Array | null;

/** The first 200 characters of a file, for the quarantine list. */
export function quarantineSample(text: FileText): string {
  if (text === null) return '';
  const string = typeof text === 'string' ? text : new TextDecoder('utf-8', { fatal: false }).decode(text.subarray(0, 800));
  return Array.from(string).slice(0, 200).join('');
}

// ---------------------------------------------------------------------------------------------
// The boundary: bytes → a JSON object (zod)

type JsonObject = Record<string, unknown>;

const JsonObjectSchema = z.record(z.string(), z.unknown());

type Decoded = { ok: true; value: JsonObject | null } | { ok: false; reason: ParseFailureReason; detail: string };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true/false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function decode(text: FileText, maxBytes: number): Decoded {
  if (text === null) return { ok: true, value: null };
  const bytes = typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : text.byteLength;
  if (bytes > maxBytes) return { ok: false, reason: 'too-large', detail: `${bytes} bytes, more than the ${maxBytes} allowed` };
  let string: string;
  if (typeof text === 'string') string = text;
  else {
    try {
      string = new TextDecoder('utf-8', { fatal: true }).decode(text);
    } catch {
      return { ok: false, reason: 'not-json', detail: 'not valid UTF-8 text' };
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(string.charCodeAt(0) === 0xfeff ? string.slice(1) : string);
  } catch (error) {
    return { ok: false, reason: 'not-json', detail: clip(error instanceof Error ? error.message : String(error)) };
  }
  const object = JsonObjectSchema.safeParse(parsed);
  if (!object.success) return { ok: false, reason: 'not-an-object', detail: `the top level is ${describe(parsed)}, not an object` };
  return { ok: true, value: object.data };
}

function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// Tolerant reading

/** Field names compared without case, accents or separators: "E-mail address" = "emailAddress". */
export function normalizeFieldName(name: string): string {
  let normalized = normalizedNames.get(name);
  if (normalized === undefined) {
    normalized = /^[a-z0-9]*$/.test(name)
      ? name
      : name
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]/gu, '');
    // Field names repeat across files: remember them (bounded, in case a file uses data as keys).
    if (normalizedNames.size < 5_000) normalizedNames.set(name, normalized);
  }
  return normalized;
}

const normalizedNames = new Map<string, string>();

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** One JSON object with its fields indexed by normalized name (the first spelling wins). */
class Fields {
  private index: Map<string, unknown> | undefined;

  constructor(readonly object: JsonObject) {}

  get(name: string): unknown {
    if (this.index === undefined) {
      this.index = new Map();
      for (const [key, value] of Object.entries(this.object)) {
        const normalized = normalizeFieldName(key);
        if (!this.index.has(normalized)) this.index.set(normalized, value);
      }
    }
    return this.index.get(normalizeFieldName(name));
  }
}

/** Where values are looked up: an object and its wrappers, and what was skipped. */
class Reader {
  private readonly layers: Fields[];

  constructor(
    objects: JsonObject[],
    private readonly where: string,
    private readonly ignored: string[],
  ) {
    this.layers = objects.map((o) => new Fields(o));
  }

  static of(object: JsonObject, wrappers: FieldNames | null, where: string, ignored: string[]): Reader {
    const objects = [object];
    if (wrappers !== null) {
      const top = new Fields(object);
      for (const name of wrappers.names) {
        const inner = top.get(name);
        if (isObject(inner) && !objects.includes(inner)) objects.push(inner);
      }
    }
    return new Reader(objects, where, ignored);
  }

  /** Adds `{ name: value }` pairs from a list of `{ name, value }` objects, below the real fields. */
  withFieldList(listNames: FieldNames, keyNames: FieldNames, valueNames: FieldNames): Reader {
    const extra: JsonObject = {};
    for (const layer of this.layers) {
      for (const listName of listNames.names) {
        for (const item of asList(layer.get(listName))) {
          if (!isObject(item)) continue;
          const entry = new Fields(item);
          const key = keyNames.names.map((n) => entry.get(n)).find((k): k is string => typeof k === 'string' && k.trim() !== '');
          const value = valueNames.names.map((n) => entry.get(n)).find((v) => v !== undefined && v !== null);
          if (key !== undefined && value !== undefined && !(key in extra)) extra[key] = value;
        }
      }
    }
    if (Object.keys(extra).length === 0) return this;
    return new Reader([...this.layers.map((l) => l.object), extra], this.where, this.ignored);
  }

  /** Every present value of the candidate names, in candidate order, then layer order. */
  values(candidates: FieldNames): { name: string; value: unknown }[] {
    const found: { name: string; value: unknown }[] = [];
    const seen = new Set<unknown>();
    for (const name of candidates.names) {
      for (const layer of this.layers) {
        const value = layer.get(name);
        if (value === undefined || value === null || value === '') continue;
        // The same value under two spellings (or a wrapper repeated) counts once.
        if (typeof value === 'object' && seen.has(value)) continue;
        seen.add(value);
        found.push({ name, value });
      }
    }
    return found;
  }

  /** The first candidate value the reader accepts; values of other types are noted and skipped. */
  first<T>(candidates: FieldNames, read: (value: unknown) => T | undefined, expected: string): T | null {
    const skipped: string[] = [];
    for (const { name, value } of this.values(candidates)) {
      const result = read(value);
      if (result !== undefined) return result;
      skipped.push(`${name}: ${describe(value)}, expected ${expected}`);
    }
    for (const s of skipped) this.note(s);
    return null;
  }

  /** Every accepted value of every candidate (lists flattened); the rest noted and skipped. */
  all<T>(candidates: FieldNames, read: (value: unknown) => T | undefined, expected: string): T[] {
    const out: T[] = [];
    for (const { name, value } of this.values(candidates)) {
      for (const item of asList(value)) {
        const result = read(item);
        if (result === undefined) this.note(`${name}: ${describe(item)}, expected ${expected}`);
        else out.push(result);
      }
    }
    return out;
  }

  /** The objects (or lists of objects) under the candidate names. */
  objects(candidates: FieldNames): JsonObject[] {
    const out: JsonObject[] = [];
    for (const { name, value } of this.values(candidates)) {
      for (const item of asList(value)) {
        if (isObject(item)) out.push(item);
        else this.note(`${name}: ${describe(item)}, expected an object`);
      }
    }
    return out;
  }

  note(text: string): void {
    if (this.ignored.length < 50) this.ignored.push(`${this.where} › ${text}`);
  }

  child(object: JsonObject, wrappers: FieldNames | null, where: string): Reader {
    return Reader.of(object, wrappers, `${this.where} › ${where}`, this.ignored);
  }
}

// Leaf readers: each returns undefined for a value it cannot use. (Plain checks, not zod: they
// run a dozen times per order, and zod's unions cost a tenth of a sync's parse time.)

/** Text: a string, or a number written out. */
function readText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? undefined : text;
  }
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/** Identifiers (order numbers, barcodes): text, or a number only while it is exact. */
function readIdentifier(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined;
  return typeof value === 'string' ? readText(value) : undefined;
}

function readQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
}

/** Person names: strings only (a number is no name). */
function readString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? collapse(value) : undefined;
}

/** Text, or an object's `value` / `name` / `code` (e.g. a status object). */
function readLabel(value: unknown): string | undefined {
  if (isObject(value)) {
    const fields = new Fields(value);
    for (const key of ['name', 'value', 'code', 'label', 'status']) {
      const text = readText(fields.get(key));
      if (text !== undefined) return text;
    }
    return undefined;
  }
  return readText(value);
}

/**
 * Dates stay as given (times without a zone are the venue's wall clock), as long as they hold a
 * digit; epoch numbers (seconds or ms) become ISO.
 */
function readDate(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    const ms = value > 1e11 ? value : value * 1000;
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  return typeof value === 'string' && /\d/.test(value) ? readText(value) : undefined;
}

function readEmail(value: unknown): string | undefined {
  if (isObject(value)) return readEmail(new Fields(value).get('email') ?? new Fields(value).get('address') ?? new Fields(value).get('value'));
  const text = typeof value === 'string' ? value.trim() : undefined;
  return text !== undefined && /^[^\s@]+@[^\s@]+$/.test(text) ? text : undefined;
}

function readPhone(value: unknown): string | undefined {
  if (isObject(value)) return readPhone(new Fields(value).get('number') ?? new Fields(value).get('value'));
  const text = readIdentifier(value);
  return text !== undefined && (text.match(/\d/g) ?? []).length >= 3 ? text : undefined;
}

function readPrice(value: unknown): string | undefined {
  if (isObject(value)) {
    const fields = new Fields(value);
    const amount = readText(fields.get('amount') ?? fields.get('value'));
    const currency = readText(fields.get('currency'));
    return amount === undefined ? undefined : currency === undefined ? amount : `${amount} ${currency}`;
  }
  return readText(value);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A person's names: first + last, and any full name; `{ first, last }` objects too. */
function personNames(reader: Reader, names: typeof tickowebFieldNames.customer, withFullName: boolean): string[] {
  const out: string[] = [];
  const first = reader.first(names.firstName, readString, 'text');
  const last = reader.first(names.lastName, readString, 'text');
  const joined = collapse([first, last].filter((p) => p !== null).join(' '));
  if (joined !== '') out.push(joined);
  if (withFullName) {
    for (const value of reader.values(names.fullName).flatMap((v) => asList(v.value))) {
      if (isObject(value)) {
        const inner = personNames(Reader.of(value, null, '', []), names, false);
        out.push(...inner);
      } else {
        const text = readString(value);
        if (text !== undefined) out.push(text);
        else reader.note(`name: ${describe(value)}, expected text`);
      }
    }
  }
  return out;
}

/** Distinct values, compared without case or accents, first spelling kept. */
function distinct(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Orders

type Product = OrderFields['products'][number];
type Scan = OrderFields['scans'][number];

interface Extracted<T> {
  fields: T;
  /** Whether anything at all was usable. */
  usable: boolean;
}

function extractCustomer(object: JsonObject | null, ignored: string[]): Extracted<Pick<OrderFields, 'names' | 'emails' | 'phones'>> {
  if (object === null) return { fields: { names: [], emails: [], phones: [] }, usable: true };
  const names = tickowebFieldNames.customer;
  const reader = Reader.of(object, names.wrappers, 'customer.json', ignored).withFieldList(names.fieldList, names.fieldListKey, names.fieldListValue);
  const fields = {
    names: personNames(reader, names, true),
    emails: reader.all(names.email, readEmail, 'an e-mail address'),
    phones: reader.all(names.phone, readPhone, 'a phone number'),
  };
  return { fields, usable: fields.names.length + fields.emails.length + fields.phones.length > 0 };
}

function extractTickets(
  reader: Reader,
  into: { products: Product[]; scans: Scan[]; names: string[]; emails: string[] },
  inherited: { name: string | null; price: string | null } | null,
): void {
  const t = tickowebFieldNames.ticket;
  const listNames = inherited === null ? tickowebFieldNames.details.tickets : tickowebFieldNames.details.nestedTickets;
  for (const { name: listName, value } of reader.values(listNames)) {
    for (const item of asList(value)) {
      // A line's nested ticket may be just its barcode.
      if (!isObject(item)) {
        const barcode = inherited !== null ? readIdentifier(item) : undefined;
        if (barcode === undefined) reader.note(`${listName}: ${describe(item)}, expected an object`);
        else into.products.push({ name: inherited?.name ?? null, quantity: null, price: inherited?.price ?? null, barcode });
        continue;
      }
      const ticket = reader.child(item, null, listName);
      const name = ticket.first(t.productName, readLabel, 'text') ?? inherited?.name ?? null;
      const price = ticket.first(t.price, readPrice, 'a price') ?? inherited?.price ?? null;
      const barcode = ticket.first(t.barcode, readIdentifier, 'text or an exact number');
      const before = into.products.length;
      if (inherited === null) extractTickets(ticket, into, { name, price });
      // A line that listed its own tickets stands for them; otherwise it is one product row.
      if (into.products.length === before || barcode !== null) {
        into.products.push({ name, quantity: ticket.first(t.quantity, readQuantity, 'a number'), price, barcode });
      }
      for (const holder of [ticket, ...ticket.objects(t.holder).map((h) => ticket.child(h, null, 'holder'))]) {
        into.names.push(...personNames(holder, tickowebFieldNames.customer, holder !== ticket));
        into.emails.push(...holder.all(tickowebFieldNames.customer.email, readEmail, 'an e-mail address'));
      }
      extractScans(ticket, into.scans, barcode);
    }
  }
}

function extractScans(reader: Reader, into: Scan[], ticketBarcode: string | null): void {
  const s = tickowebFieldNames.scan;
  for (const { name: listName, value } of reader.values(tickowebFieldNames.details.scans)) {
    for (const item of asList(value)) {
      if (!isObject(item)) {
        // A bare timestamp per scan.
        const at = readDate(item);
        if (at === undefined) reader.note(`${listName}: ${describe(item)}, expected an object`);
        else into.push({ at, barcode: ticketBarcode, gate: null });
        continue;
      }
      const scan = reader.child(item, null, listName);
      into.push({
        at: scan.first(s.at, readDate, 'a date'),
        barcode: scan.first(s.barcode, readIdentifier, 'text or an exact number') ?? ticketBarcode,
        gate: scan.first(s.gate, readLabel, 'text'),
      });
    }
  }
}

function readChannelId(value: unknown): string | undefined {
  if (isObject(value)) {
    const fields = new Fields(value);
    for (const name of tickowebFieldNames.details.channelUuid.names) {
      const id = readIdentifier(fields.get(name));
      if (id !== undefined) return id;
    }
    return undefined;
  }
  return readIdentifier(value);
}

function extractDetails(object: JsonObject | null, ignored: string[]): Extracted<Omit<OrderFields, 'phones'>> {
  const empty = { orderNumber: null, status: null, createdAt: null, names: [], emails: [], barcodes: [], products: [], scans: [], channelId: null };
  if (object === null) return { fields: empty, usable: true };
  const d = tickowebFieldNames.details;
  const reader = Reader.of(object, d.wrappers, 'details.json', ignored);
  const into = { products: [] as Product[], scans: [] as Scan[], names: [] as string[], emails: [] as string[] };
  extractTickets(reader, into, null);
  extractScans(reader, into.scans, null);
  const orderBarcodes = reader.all(d.barcodes, (v) => (isObject(v) ? undefined : readIdentifier(v)), 'text');
  const fields = {
    orderNumber: reader.first(d.orderNumber, readIdentifier, 'text or an exact number'),
    status: reader.first(d.status, readLabel, 'text'),
    createdAt: reader.first(d.createdAt, readDate, 'a date'),
    names: into.names,
    emails: into.emails,
    barcodes: [...into.products.map((p) => p.barcode).filter((b): b is string => b !== null), ...orderBarcodes],
    products: into.products,
    scans: into.scans,
    channelId: reader.first(d.channel, readChannelId, 'a channel id'),
  };
  const usable =
    fields.orderNumber !== null ||
    fields.status !== null ||
    fields.createdAt !== null ||
    fields.channelId !== null ||
    fields.products.length + fields.scans.length + fields.barcodes.length > 0;
  return { fields, usable };
}

function unexpected(file: string, ignored: string[]): ParseFailure {
  return { ok: false, reason: 'unexpected-types', file, detail: clip(`nothing usable; ${ignored.slice(0, 5).join('; ')}`, 300) };
}

function guarded<T>(file: string, run: () => T): T | ParseFailure {
  try {
    return run();
  } catch (error) {
    // Nothing above should throw; if it does, the file is refused, never the sync.
    return { ok: false, reason: 'unexpected-types', file, detail: clip(`could not be read: ${error instanceof Error ? error.message : String(error)}`) };
  }
}

/**
 * An order folder's two files → the fields we search and link by. `null` for a file that is absent
 * (its fields are then empty). Never throws.
 */
export function parseOrderFiles(customerText: FileText, detailsText: FileText, limits: ParseLimits = {}): OrderParseResult {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const customer = decode(customerText, maxBytes);
  if (!customer.ok) return { ...customer, file: 'customer.json' };
  const details = decode(detailsText, maxBytes);
  if (!details.ok) return { ...details, file: 'details.json' };
  return guarded('details.json', (): OrderParseResult => {
    const customerIgnored: string[] = [];
    const c = extractCustomer(customer.value, customerIgnored);
    if (!c.usable && customerIgnored.length > 0) return unexpected('customer.json', customerIgnored);
    const detailsIgnored: string[] = [];
    const d = extractDetails(details.value, detailsIgnored);
    if (!d.usable && detailsIgnored.length > 0) return unexpected('details.json', detailsIgnored);
    const fields: OrderFields = {
      orderNumber: d.fields.orderNumber,
      status: d.fields.status,
      createdAt: d.fields.createdAt,
      names: distinct([...c.fields.names, ...d.fields.names]),
      emails: distinct([...c.fields.emails, ...d.fields.emails]),
      phones: distinct(c.fields.phones),
      barcodes: distinct(d.fields.barcodes),
      products: d.fields.products,
      scans: d.fields.scans,
      channelId: d.fields.channelId,
    };
    return { ok: true, fields, customer: customer.value, details: details.value, ignored: [...customerIgnored, ...detailsIgnored] };
  });
}

/** event.json → name, start, location. Never throws. */
export function parseEventFile(text: FileText, limits: ParseLimits = {}): EventParseResult {
  const decoded = decode(text, limits.maxBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (!decoded.ok) return { ...decoded, file: 'event.json' };
  if (decoded.value === null) return { ok: true, fields: { name: null, startsAt: null, location: null }, raw: null, ignored: [] };
  const object = decoded.value;
  return guarded('event.json', (): EventParseResult => {
    const e = tickowebFieldNames.event;
    const ignored: string[] = [];
    const reader = Reader.of(object, e.wrappers, 'event.json', ignored);
    const readLocation = (value: unknown): string | undefined => {
      if (!isObject(value)) return readText(value);
      const place = new Fields(value);
      return e.placeName.names.map((n) => readText(place.get(n))).find((t) => t !== undefined);
    };
    const fields: EventFields = {
      name: reader.first(e.name, readLabel, 'text'),
      startsAt: reader.first(e.startsAt, readDate, 'a date'),
      location: reader.first(e.location, readLocation, 'text or a place'),
    };
    if (fields.name === null && fields.startsAt === null && fields.location === null && ignored.length > 0) return unexpected('event.json', ignored);
    return { ok: true, fields, raw: object, ignored };
  });
}

/** <channel-uuid>.json → name, type, url. Never throws. */
export function parseChannelFile(text: FileText, limits: ParseLimits = {}): ChannelParseResult {
  const decoded = decode(text, limits.maxBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (!decoded.ok) return { ...decoded, file: 'channel' };
  if (decoded.value === null) return { ok: true, fields: { name: null, type: null, url: null }, raw: null, ignored: [] };
  const object = decoded.value;
  return guarded('channel', (): ChannelParseResult => {
    const ch = tickowebFieldNames.channel;
    const ignored: string[] = [];
    const reader = Reader.of(object, ch.wrappers, 'channel', ignored);
    const fields: ChannelFields = {
      name: reader.first(ch.name, readLabel, 'text'),
      type: reader.first(ch.type, readLabel, 'text'),
      url: reader.first(ch.url, readText, 'text'),
    };
    if (fields.name === null && fields.type === null && fields.url === null && ignored.length > 0) return unexpected('channel', ignored);
    return { ok: true, fields, raw: object, ignored };
  });
}

/**
 * Any JSON value as a flat list of `path: value` lines, for showing fields the mapping does not
 * know (customer fields depend on the channel's configuration). Bounded: at most `max` entries.
 */
export function displayFields(value: unknown, max = 200): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  const walk = (node: unknown, path: string, depth: number): void => {
    if (out.length >= max) return;
    if (Array.isArray(node)) {
      if (node.length === 0) out.push({ path, value: '[]' });
      node.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1));
    } else if (isObject(node)) {
      if (depth > 8) {
        out.push({ path, value: '{…}' });
        return;
      }
      const entries = Object.entries(node);
      if (entries.length === 0 && path !== '') out.push({ path, value: '{}' });
      for (const [key, child] of entries) walk(child, path === '' ? key : `${path}.${key}`, depth + 1);
    } else {
      out.push({ path, value: node === null ? 'null' : typeof node === 'string' ? node : JSON.stringify(node) });
    }
  };
  walk(value, '', 0);
  return out;
}
