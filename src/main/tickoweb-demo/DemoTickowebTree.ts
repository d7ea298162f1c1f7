/**
 * The demo's Tickoweb tree, built in memory from the demo Venue Manager data: one reseller,
 * organisation and event ("Demo Festival 2026"), its sales channels, and Tickoweb orders for the
 * same people and tickets the demo Venue Manager holds, so the demo desk can sync, search and
 * link Tickoweb orders with nothing configured.
 *
 *   wristdesk-demo/demo-festival-aps/demo-festival-2026/event.json
 *   …/demo-festival-2026/channel/<channel-uuid>.json
 *   …/demo-festival-2026/order/1-500/<order-uuid>/{customer.json,details.json}
 *   …/demo-festival-2026/order/501-1000/…
 *
 * The JSON uses the same (invented, unconfirmed) field names as the tests' tree
 * (test/support/tickowebTree.ts `sampleFields`), which TickowebMapping reads. Everything is a pure
 * function of the customers and the seed: no Math.random, no clock.
 */
import { createHash } from 'node:crypto';
import { pickSampleWristbands, SeededRandom } from '../venue-manager-simulator';
import type { SimulatorCustomer, SimulatorOrder } from '../venue-manager-simulator';

/** One file of a served tree. */
export interface DemoFile {
  /** The file's text (JSON for the Tickoweb tree), served as UTF-8. */
  content: string;
  /** Last-modified, epoch ms in whole seconds. */
  modified: number;
}

/**
 * What DemoWebdavServer serves. Paths are relative to the served root (`/dav/`): no leading '/',
 * '/' separators, decoded segments. Folders end with '/', the root is ''.
 */
export interface DemoDavTree {
  files: ReadonlyMap<string, DemoFile>;
  /** Each folder's last-modified (epoch ms, whole seconds); computed from the files when absent. */
  folders?: ReadonlyMap<string, number>;
}

export type DemoOrderStatus = 'paid' | 'cancelled' | 'refunded';

/** What the demo tree holds per order, for tests and the demo's help texts. */
export interface DemoTickowebOrder {
  /** The order folder, ending with '/'. */
  path: string;
  orderNumber: string;
  status: DemoOrderStatus;
  /** First and last name joined: the Venue Manager address name for linked orders. */
  name: string;
  email: string;
  phone: string;
  barcodes: string[];
  /** The Venue Manager customer and order it mirrors; null for people not in Venue Manager. */
  customerId: number | null;
  venueManagerOrderId: number | null;
}

export interface DemoTickowebTree extends DemoDavTree {
  folders: ReadonlyMap<string, number>;
  /** The event folder, ending with '/'. */
  eventPath: string;
  /** In order-number order. */
  orders: readonly DemoTickowebOrder[];
}

export interface DemoTickowebOptions {
  /** Share of Venue Manager customers with Tickoweb orders (default 0.8). Sample-wristband owners always have them. */
  linkedShare?: number;
  /** Orders of people not in Venue Manager, as a share of the linked orders (default 0.15). */
  extraShare?: number;
  /** Orders per bucket folder (Tickoweb: 500). */
  bucketSize?: number;
}

const RESELLER = 'wristdesk-demo';
const ORGANISATION = 'demo-festival-aps';
const EVENT = 'demo-festival-2026';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FESTIVAL_DAYS = ['2026-07-02', '2026-07-03', '2026-07-04', '2026-07-05'] as const;
const GATES = ['Indgang Nord', 'Indgang Syd', 'Campingporten'] as const;

/** Prices (DKK) of the demo Venue Manager's catalogue; unknown products get the day price. */
const PRICES: Readonly<Record<string, string>> = {
  Partoutarmbånd: '1895.00',
  Fredagsarmbånd: '895.00',
  Lørdagsarmbånd: '995.00',
  Søndagsarmbånd: '795.00',
  'Partout + Camping': '2295.00',
  'VIP-armbånd': '3495.00',
  'Børnearmbånd (under 12 år)': '250.00',
  Frivilligarmbånd: '0.00',
  'Parkering, hele festivalen': '300.00',
};
const DEFAULT_PRICE = '995.00';

const CHANNELS = [
  { key: 'webshop', name: 'Webshop', type: 'online', url: 'https://shop.demo-festival.example/demo-festival-2026', weight: 80 },
  { key: 'box-office', name: 'Billetkontor', type: 'box-office', url: null, weight: 10 },
  { key: 'partner', name: 'Partnersalg', type: 'reseller', url: 'https://partner.demo-festival.example/demo-festival-2026', weight: 10 },
] as const;

/** People who bought through Tickoweb only (not in the demo Venue Manager). */
const EXTRA_FIRST_NAMES = ['Astrid', 'Søren', 'Mathilde', 'Jørgen', 'Åse', 'Noël', 'Zoë', 'Jürgen', 'Łukasz', 'Märta', 'Hélène', 'Ørjan', 'Ida', 'Oskar'];
const EXTRA_LAST_NAMES = ['Bækgaard', 'Østergaard', 'Kjærsgaard', 'Lindholm', 'Vestergaard', 'Brøndum', 'Krüger', 'Åberg', 'Sørensen', 'Dahl'];
const EXTRA_DOMAINS = ['example.com', 'example.net', 'example.org'];
const EXTRA_PRODUCTS = ['Partoutarmbånd', 'Lørdagsarmbånd', 'Fredagsarmbånd', 'Partout + Camping'];

interface Person {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  language: string;
  address: { street: string; postalCode: string; city: string; country: string };
}

interface Ticket {
  barcode: string;
  productName: string;
  price: string;
}

interface Scan {
  barcode: string;
  scannedAt: string;
  gate: string;
}

/** An order before numbering: numbers follow creation time, as a ticket shop hands them out. */
interface Draft {
  uuid: string;
  created: number;
  createdAt: string;
  /** When details.json was last written (payment, refund or cancellation). */
  detailsModified: number;
  person: Person;
  status: DemoOrderStatus;
  channel: string;
  tickets: Ticket[];
  scans: Scan[];
  customerId: number | null;
  venueManagerOrderId: number | null;
  sequence: number;
}

/**
 * The demo Tickoweb tree for the demo Venue Manager data (`generateDemoData({ seed })`):
 * - one Tickoweb order per Venue Manager order for about 80 % of the customers (always for the
 *   owners of the demo's sample wristbands), same person (first/last name split from the address
 *   name, same e-mail and phone) and the digital products' barcodes as ticket barcodes;
 * - about 15 % more orders of people not in Venue Manager (a few share a name with a Venue
 *   Manager customer: a name alone must never link);
 * - statuses paid / cancelled / refunded (an order whose products are all invalidated in Venue
 *   Manager is refunded or cancelled), scans at the gates on some paid tickets;
 * - buckets of 500 by order number ('1-500', '501-1000', …); every folder's last-modified is its
 *   newest child's (Tickoweb promises that for order folders); file times in whole seconds.
 */
export function demoTickowebTree(customers: readonly SimulatorCustomer[], seed: number, options: DemoTickowebOptions = {}): DemoTickowebTree {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number: ${seed}`);
  const bucketSize = options.bucketSize ?? 500;
  if (!Number.isInteger(bucketSize) || bucketSize < 1) throw new Error(`bucketSize must be a positive integer: ${bucketSize}`);
  const linkedShare = options.linkedShare ?? 0.8;
  const extraShare = options.extraShare ?? 0.15;

  const rng = tickowebRandom(seed);
  const eventPath = `${RESELLER}/${ORGANISATION}/${EVENT}/`;
  const eventUuid = randomUuid(rng);
  const channels = CHANNELS.map((channel) => ({ ...channel, uuid: randomUuid(rng) }));
  const files = new Map<string, DemoFile>();
  const setupTime = venueInstant('2026-01-02 10:00:00').ms;

  files.set(`${eventPath}event.json`, {
    content: json({
      uuid: eventUuid,
      name: 'Demo Festival 2026',
      startDate: '2026-07-02T12:00:00+02:00',
      endDate: '2026-07-05T23:59:00+02:00',
      timezone: 'Europe/Copenhagen',
      location: { name: 'Festivalpladsen', city: 'Aarhus', country: 'DK' },
    }),
    modified: setupTime,
  });
  for (const channel of channels) {
    files.set(`${eventPath}channel/${channel.uuid}.json`, {
      content: json({ uuid: channel.uuid, name: channel.name, type: channel.type, url: channel.url }),
      modified: setupTime,
    });
  }
  const pickChannel = () => rng.weighted(channels.map((channel) => [channel.uuid, channel.weight] as const));

  // The sample wristbands' owners always have orders, so every demo story can show its link.
  const sampleUids = new Set(pickSampleWristbands(customers).map((sample) => sample.uid));
  const ownsSample = (customer: SimulatorCustomer) =>
    customer.orders.some((order) => order.digitalProducts.some((product) => product.tokens.some((token) => sampleUids.has(token.uid))));

  const drafts: Draft[] = [];
  const usedBarcodes = new Set<string>();
  const usedEmails = new Set<string>();
  for (const customer of customers) {
    for (const order of customer.orders) for (const product of order.digitalProducts) usedBarcodes.add(product.barcode);
    if (customer.address.email !== undefined) usedEmails.add(customer.address.email.toLowerCase());
  }

  for (const customer of customers) {
    const included = rng.chance(linkedShare) || ownsSample(customer);
    if (!included) continue;
    for (const order of customer.orders) {
      drafts.push(linkedDraft(rng, customer, order, pickChannel(), drafts.length));
    }
  }

  const linked = drafts.length;
  const extras = Math.max(linked > 0 ? 5 : 0, Math.round(linked * extraShare));
  const namesakes = customers.slice(1).filter((customer) => customer.address.name.includes(' '));
  for (let n = 0; n < extras; n++) {
    // Every tenth stranger bears a Venue Manager customer's name, with another e-mail and phone.
    const namesake = n % 10 === 3 && namesakes.length > 0 ? rng.pick(namesakes).address.name : null;
    drafts.push(extraDraft(rng, namesake, usedEmails, usedBarcodes, pickChannel(), drafts.length));
  }

  drafts.sort((a, b) => a.created - b.created || a.sequence - b.sequence);
  const numberPrefix = `TW-${eventUuid.slice(0, 4).toUpperCase()}`;
  const orders: DemoTickowebOrder[] = [];
  drafts.forEach((draft, position) => {
    const index = position + 1;
    const start = Math.floor((index - 1) / bucketSize) * bucketSize + 1;
    const path = `${eventPath}order/${start}-${start + bucketSize - 1}/${draft.uuid}/`;
    const orderNumber = `${numberPrefix}-${String(index).padStart(6, '0')}`;
    const cents = draft.tickets.reduce((sum, ticket) => sum + Math.round(Number(ticket.price) * 100), 0);
    files.set(`${path}customer.json`, { content: json(draft.person), modified: draft.created });
    files.set(`${path}details.json`, {
      content: json({
        uuid: draft.uuid,
        orderNumber,
        status: draft.status,
        createdAt: draft.createdAt,
        channel: { uuid: draft.channel },
        total: (cents / 100).toFixed(2),
        currency: 'DKK',
        tickets: draft.tickets,
        scans: draft.scans,
      }),
      modified: draft.detailsModified,
    });
    orders.push({
      path,
      orderNumber,
      status: draft.status,
      name: [draft.person.firstName, draft.person.lastName].filter((part) => part !== '').join(' '),
      email: draft.person.email,
      phone: draft.person.phone,
      barcodes: draft.tickets.map((ticket) => ticket.barcode),
      customerId: draft.customerId,
      venueManagerOrderId: draft.venueManagerOrderId,
    });
  });

  return { files, folders: folderTimesOf(files), eventPath, orders };
}

/**
 * Every folder above the files (the root '' included) with its newest child's time, which for
 * folders is their newest descendant's.
 */
export function folderTimesOf(files: ReadonlyMap<string, DemoFile>): Map<string, number> {
  const folders = new Map<string, number>([['', 0]]);
  for (const [path, file] of files) {
    let end = path.indexOf('/');
    const bump = (folder: string) => folders.set(folder, Math.max(folders.get(folder) ?? 0, file.modified));
    bump('');
    while (end !== -1) {
      bump(path.slice(0, end + 1));
      end = path.indexOf('/', end + 1);
    }
  }
  return folders;
}

// ---------------------------------------------------------------------------------------------
// Orders

function linkedDraft(rng: SeededRandom, customer: SimulatorCustomer, order: SimulatorOrder, channel: string, sequence: number): Draft {
  const billing = order.billingAddress;
  const address = customer.address;
  const [firstName, lastName] = splitName(address.name);
  const person: Person = {
    firstName,
    lastName,
    email: address.email ?? billing.email ?? '',
    phone: address.phone ?? billing.phone ?? '',
    language: languageOf(address.countryCode),
    address: { street: address.street, postalCode: address.zipCode, city: address.city, country: address.countryCode },
  };
  const created = venueInstant(order.authorizedTime);
  const paid = created.ms + rng.int(30, 600) * 1000;
  const products = order.digitalProducts;
  const allInvalidated = products.length > 0 && products.every(isInvalidated);
  const status: DemoOrderStatus = allInvalidated ? (rng.chance(0.7) ? 'refunded' : 'cancelled') : 'paid';
  // A refund or cancellation rewrites details.json when Venue Manager invalidated the tickets.
  const invalidated = products.filter(isInvalidated).map((product) => venueInstant(product.invalidateTime).ms);
  const detailsModified = status === 'paid' ? paid : Math.max(paid, ...invalidated);
  const tickets = products.map((product) => ({ barcode: product.barcode, productName: product.name, price: PRICES[product.name] ?? DEFAULT_PRICE }));
  const scans: Scan[] = [];
  if (status === 'paid') {
    for (const product of products) {
      const wearable = product.tokens.some((token) => !isInvalidated(token));
      if (!isInvalidated(product) && wearable && rng.chance(0.3)) scans.push(festivalScan(rng, product.barcode));
    }
  }
  return {
    uuid: randomUuid(rng),
    created: created.ms,
    createdAt: created.iso,
    detailsModified,
    person,
    status,
    channel,
    tickets,
    scans,
    customerId: customer.id,
    venueManagerOrderId: order.id,
    sequence,
  };
}

function extraDraft(rng: SeededRandom, namesake: string | null, usedEmails: Set<string>, usedBarcodes: Set<string>, channel: string, sequence: number): Draft {
  const [firstName, lastName] = namesake === null ? [rng.pick(EXTRA_FIRST_NAMES), rng.pick(EXTRA_LAST_NAMES)] : splitName(namesake);
  const base = `${asciiSlug(firstName)}.${asciiSlug(lastName)}`;
  const domain = rng.pick(EXTRA_DOMAINS);
  let email = `${base}@${domain}`;
  for (let n = 2; usedEmails.has(email); n++) email = `${base}${n}@${domain}`;
  usedEmails.add(email);
  const person: Person = {
    firstName,
    lastName,
    email,
    phone: rng.code('+45 ########'),
    language: 'da',
    address: { street: `Demovej ${rng.int(1, 99)}`, postalCode: rng.code('8###'), city: 'Aarhus', country: 'DK' },
  };
  // Sales ran from January to the end of June.
  const day = new Date(Date.UTC(2026, 0, 5) + rng.int(0, 176) * DAY).toISOString().slice(0, 10);
  const created = venueInstant(`${day} ${clock(rng.int(7 * 3600, 23 * 3600 - 1))}`);
  const roll = rng.int(1, 100);
  const status: DemoOrderStatus = roll <= 75 ? 'paid' : roll <= 90 ? 'cancelled' : 'refunded';
  const paid = created.ms + rng.int(30, 600) * 1000;
  const detailsModified = status === 'paid' ? paid : paid + rng.int(1, 20) * DAY;
  const tickets: Ticket[] = [];
  const count = rng.weighted([[1, 60], [2, 30], [3, 10]] as const);
  for (let n = 0; n < count; n++) {
    let barcode: string;
    do barcode = rng.code('0002090281########');
    while (usedBarcodes.has(barcode));
    usedBarcodes.add(barcode);
    const productName = rng.pick(EXTRA_PRODUCTS);
    tickets.push({ barcode, productName, price: PRICES[productName] ?? DEFAULT_PRICE });
  }
  const scans = status === 'paid' ? tickets.filter(() => rng.chance(0.3)).map((ticket) => festivalScan(rng, ticket.barcode)) : [];
  return {
    uuid: randomUuid(rng),
    created: created.ms,
    createdAt: created.iso,
    detailsModified,
    person,
    status,
    channel,
    tickets,
    scans,
    customerId: null,
    venueManagerOrderId: null,
    sequence,
  };
}

function festivalScan(rng: SeededRandom, barcode: string): Scan {
  const day = rng.pick(FESTIVAL_DAYS);
  return { barcode, scannedAt: venueInstant(`${day} ${clock(rng.int(12 * 3600, 23 * 3600))}`).iso, gate: rng.pick(GATES) };
}

function isInvalidated(value: { invalidateTime: string }): boolean {
  // Venue Manager writes the string "null" for "not invalidated".
  return value.invalidateTime !== 'null' && value.invalidateTime !== '';
}

/** "Sanne van den Berg" → ["Sanne", "van den Berg"]; a single word is a first name. */
function splitName(name: string): [string, string] {
  const words = name.trim().split(/\s+/);
  return [words[0] ?? '', words.slice(1).join(' ')];
}

function languageOf(countryCode: string): string {
  const languages: Record<string, string> = { DK: 'da', NL: 'nl', DE: 'de', PL: 'pl', SE: 'sv', FR: 'fr', NO: 'nb', ES: 'es', CZ: 'cs' };
  return languages[countryCode] ?? 'en';
}

/** E-mail-safe ASCII for a name: "Søren Ågesen" → "soerenaagesen". */
function asciiSlug(text: string): string {
  const spelled: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ß: 'ss', ł: 'l', œ: 'oe' };
  return text
    .toLowerCase()
    .replace(/[æøåßłœ]/g, (c) => spelled[c] ?? '')
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '');
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Venue time (Europe/Copenhagen: CET, CEST from the last Sunday of March to the last of October)

function clock(secondsOfDay: number): string {
  const h = Math.floor(secondsOfDay / 3600);
  const m = Math.floor((secondsOfDay % 3600) / 60);
  const s = secondsOfDay % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}

/** 01:00 UTC on the last Sunday of a month (when EU summer time starts or ends). */
function lastSundayAtOneUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

/**
 * A Venue Manager wall-clock time ("2026-03-04 12:34:56", Copenhagen) as an instant (epoch ms) and
 * as ISO 8601 with its offset ("2026-03-04T12:34:56+01:00").
 */
function venueInstant(wall: string): { ms: number; iso: string } {
  const local = Date.parse(`${wall.replace(' ', 'T')}Z`);
  if (!Number.isFinite(local)) throw new Error(`not a wall-clock time: ${wall}`);
  const year = new Date(local).getUTCFullYear();
  const summer = local - 2 * HOUR >= lastSundayAtOneUtc(year, 2) && local - 2 * HOUR < lastSundayAtOneUtc(year, 9);
  const offset = summer ? 2 : 1;
  return { ms: local - offset * HOUR, iso: `${new Date(local).toISOString().slice(0, 19)}+0${offset}:00` };
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32, as the Venue Manager demo data)

/** Seeded from a hash of the seed, so it is decorrelated from the Venue Manager demo's own draws on the same seed. */
function tickowebRandom(seed: number): SeededRandom {
  return new SeededRandom(createHash('sha256').update(`tickoweb-demo:${seed}`).digest().readUInt32LE(0));
}

/** A version-4 UUID drawn from `rng`. */
function randomUuid(rng: SeededRandom): string {
  const bytes = Array.from({ length: 16 }, () => rng.int(0, 255));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
