import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../src/main/venue-manager-simulator/SeededRandom';

/**
 * A seeded generator of a Tickoweb-shaped WebDAV tree on disk, for the client, mapping and mirror
 * tests (serve it with test/support/webdavServers.ts):
 *
 *   <reseller>/<org>/<event>/event.json
 *   <reseller>/<org>/<event>/channel/<channel-uuid>.json
 *   <reseller>/<org>/<event>/order/1-500/<order-uuid>/{customer.json,details.json}
 *   <reseller>/<org>/<event>/order/501-1000/…
 *
 * Times model what Tickoweb promises (seeds/tickoweb-webdav.nl.txt): an order folder's mtime is
 * that of its newest file, set explicitly with utimes (plain file servers do not do that), in whole
 * seconds, deterministic from the seed; and scans do not move it. Other folder times are not
 * promised by Tickoweb: at generation each is set to its newest child's time; afterwards a folder
 * whose entries change (an order or bucket added or removed) gets the tree's clock, as a file
 * system would move it. A mirror must not rely on those.
 *
 * All times are in the past (2026-05 … 2026-09), so Apache does not mark ETags weak for being new.
 * Field names inside the JSON are invented (Tickoweb's are unknown): see `sampleFields`.
 */

/** The invented JSON field names, one place for the mapping module to be written against. */
export const sampleFields = {
  note: "Invented for tests; Tickoweb's real names (its OpenAPI 'Order' object) are unknown.",
  event: {
    file: 'event.json',
    id: 'uuid',
    name: 'name',
    startsAt: 'startDate',
    endsAt: 'endDate',
    location: 'location.name',
    city: 'location.city',
    country: 'location.country',
    timezone: 'timezone',
  },
  channel: { file: 'channel/<channel-uuid>.json', id: 'uuid', name: 'name', type: 'type', url: 'url' },
  customer: {
    file: 'customer.json',
    firstName: 'firstName',
    lastName: 'lastName',
    email: 'email',
    phone: 'phone',
    language: 'language',
    address: 'address.{street,postalCode,city,country}',
  },
  details: {
    file: 'details.json',
    id: 'uuid',
    orderNumber: 'orderNumber',
    status: 'status',
    statuses: ['paid', 'pending', 'cancelled', 'refunded'],
    createdAt: 'createdAt',
    channelId: 'channel.uuid',
    total: 'total',
    currency: 'currency',
    tickets: 'tickets',
    ticket: { barcode: 'barcode', productName: 'productName', price: 'price' },
    scans: 'scans',
    scan: { barcode: 'barcode', scannedAt: 'scannedAt', gate: 'gate' },
  },
} as const;

export interface SampleEvent {
  uuid: string;
  name: string;
  startDate: string;
  endDate: string;
  timezone: string;
  location: { name: string; city: string; country: string };
}

export interface SampleChannel {
  uuid: string;
  name: string;
  type: 'online' | 'box-office' | 'reseller';
  url: string | null;
}

export interface SampleCustomer {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  language: 'da' | 'nl' | 'de';
  address: { street: string; postalCode: string; city: string; country: string };
}

export interface SampleTicket {
  barcode: string;
  productName: string;
  /** A decimal string, e.g. "89.50". */
  price: string;
}

export interface SampleScan {
  barcode: string;
  scannedAt: string;
  gate: string;
}

export interface SampleDetails {
  uuid: string;
  orderNumber: string;
  status: (typeof sampleFields.details.statuses)[number];
  createdAt: string;
  channel: { uuid: string };
  total: string;
  currency: 'EUR' | 'DKK';
  tickets: SampleTicket[];
  scans: SampleScan[];
}

export interface TickowebTreeOptions {
  seed?: number;
  orgs?: number;
  eventsPerOrg?: number;
  ordersPerEvent?: number;
  channelsPerEvent?: number;
  /** Orders per bucket folder (Tickoweb: 500). Smaller values give many buckets from few orders. */
  bucketSize?: number;
  /** The top folder's name. */
  reseller?: string;
}

export interface TreeEvent {
  org: string;
  slug: string;
  /** Relative to the served root, ending with '/': 'reseller/org/event/'. */
  path: string;
  uuid: string;
  channels: string[];
  /** The highest order number handed out in this event so far. */
  lastIndex: number;
  country: Country;
}

export interface TreeOrder {
  id: string;
  event: TreeEvent;
  /** The order's number in its event (decides the bucket). */
  index: number;
  bucket: string;
  /** Relative folder path ending with '/': 'reseller/org/event/order/1-500/<uuid>/'. */
  path: string;
  /** Epoch seconds of each file, and of the folder (= the newest file, except after a scan-only change). */
  fileTimes: { 'customer.json': number; 'details.json': number };
  folderTime: number;
}

export type OrderFile = 'customer.json' | 'details.json';
type Country = 'DK' | 'NL' | 'DE';

const baseTime = Date.UTC(2026, 4, 1) / 1000; // 2026-05-01, seconds
const generationSpan = 90 * 24 * 3600;
const mutationStart = Date.UTC(2026, 8, 1) / 1000; // 2026-09-01

export class TickowebTree {
  readonly events: TreeEvent[] = [];
  private readonly orderMap = new Map<string, TreeOrder>();
  /** The time (epoch seconds) the next mutation is stamped with; each mutation moves it on by 60 s. */
  clock = mutationStart;
  private readonly random: () => number;

  private constructor(
    readonly root: string,
    private readonly options: Required<TickowebTreeOptions>,
  ) {
    this.random = mulberry32(options.seed);
  }

  /** Writes a fresh tree into `root` (which must exist). */
  static write(root: string, options: TickowebTreeOptions = {}): TickowebTree {
    const tree = new TickowebTree(root, {
      seed: options.seed ?? 1,
      orgs: options.orgs ?? 1,
      eventsPerOrg: options.eventsPerOrg ?? 1,
      ordersPerEvent: options.ordersPerEvent ?? 20,
      channelsPerEvent: options.channelsPerEvent ?? 2,
      bucketSize: options.bucketSize ?? 500,
      reseller: options.reseller ?? 'reseller',
    });
    tree.generate();
    return tree;
  }

  /** Every order now in the tree, in creation order. */
  get orders(): TreeOrder[] {
    return [...this.orderMap.values()];
  }

  /** The absolute path of a relative one. */
  absolute(relative: string): string {
    return join(this.root, relative);
  }

  readJson(order: TreeOrder, file: OrderFile): unknown {
    return JSON.parse(readFileSync(join(this.absolute(order.path), file), 'utf8'));
  }

  readCustomer(order: TreeOrder): SampleCustomer {
    return this.readJson(order, 'customer.json') as SampleCustomer;
  }

  readDetails(order: TreeOrder): SampleDetails {
    return this.readJson(order, 'details.json') as SampleDetails;
  }

  private readJsonOr<T>(order: TreeOrder, file: OrderFile, fresh: () => T): T {
    try {
      return this.readJson(order, file) as T;
    } catch {
      return fresh();
    }
  }

  /**
   * Changes `percent` % of the orders (at least one when percent > 0), or the given ones: rewrites
   * customer.json (new phone) or details.json (new status), stamps that file and the order folder
   * with the clock.
   */
  changeOrders(percentOrOrders: number | TreeOrder[]): TreeOrder[] {
    const all = this.orders;
    const time = this.tick();
    let changed: TreeOrder[];
    if (typeof percentOrOrders === 'number') {
      const count = percentOrOrders <= 0 ? 0 : Math.max(1, Math.round((all.length * percentOrOrders) / 100));
      changed = this.pick(all, count);
    } else {
      changed = percentOrOrders;
    }
    for (const order of changed) {
      const file: OrderFile = this.random() < 0.5 ? 'customer.json' : 'details.json';
      // A file made malformed earlier is replaced by a fresh one.
      if (file === 'customer.json') {
        const customer = this.readJsonOr(order, file, () => customerFor(order.event.country, this.random));
        customer.phone = phoneFor(order.event.country, this.random);
        this.writeOrderFile(order, file, customer, time);
      } else {
        const details = this.readJsonOr(order, file, () => detailsFor(order.event, order, order.fileTimes[file], this.random));
        details.status = details.status === 'paid' ? 'refunded' : 'paid';
        this.writeOrderFile(order, file, details, time);
      }
      this.setFolderTime(order, time);
    }
    return changed;
  }

  /** New orders at the end of an event (default: the first), in its last bucket or new ones. */
  addOrders(count: number, event: TreeEvent = this.firstEvent()): TreeOrder[] {
    const time = this.tick();
    const added: TreeOrder[] = [];
    const buckets = new Set<string>();
    for (let n = 0; n < count; n++) {
      const order = this.createOrder(event, event.lastIndex + 1, time, time);
      added.push(order);
      buckets.add(order.bucket);
    }
    this.touchBuckets(event, buckets, time);
    return added;
  }

  /**
   * A new bucket folder with `count` orders: order numbers jump to the next bucket's first one
   * (the numbers skipped stand for orders never completed).
   */
  addBucket(event: TreeEvent = this.firstEvent(), count = 1): TreeOrder[] {
    const size = this.options.bucketSize;
    event.lastIndex = Math.ceil(event.lastIndex / size) * size;
    return this.addOrders(count, event);
  }

  /** Removes `count` orders (or the given ones); their buckets' times move to the clock. */
  deleteOrders(countOrOrders: number | TreeOrder[]): TreeOrder[] {
    const time = this.tick();
    const gone = typeof countOrOrders === 'number' ? this.pick(this.orders, countOrOrders) : countOrOrders;
    for (const order of gone) {
      rmSync(this.absolute(order.path), { recursive: true, force: true });
      this.orderMap.delete(order.id);
      this.touchBuckets(order.event, new Set([order.bucket]), time);
    }
    return gone;
  }

  /** Replaces a file of an order with broken JSON, stamped like any change. */
  writeMalformed(order: TreeOrder = this.orders[0]!, file: OrderFile = 'details.json'): TreeOrder {
    const time = this.tick();
    const path = join(this.absolute(order.path), file);
    writeFileSync(path, '{"orderNumber": "TW-broken", "tickets": [');
    utimesSync(path, time, time);
    order.fileTimes[file] = time;
    this.setFolderTime(order, time);
    return order;
  }

  /**
   * Adds a scan to each order's details.json (rewritten in place) while keeping the file's and the
   * folder's times: "scans do not move last-modified". Size (and so a server's ETag) may change.
   */
  changeScansOnly(countOrOrders: number | TreeOrder[]): TreeOrder[] {
    const time = this.tick();
    const orders = typeof countOrOrders === 'number' ? this.pick(this.orders, countOrOrders) : countOrOrders;
    for (const order of orders) {
      const details = this.readDetails(order);
      const ticket = details.tickets[0];
      if (ticket === undefined) continue;
      details.scans.push({ barcode: ticket.barcode, scannedAt: isoTime(time), gate: pickFrom(gates[order.event.country], this.random) });
      const path = join(this.absolute(order.path), 'details.json');
      writeFileSync(path, `${JSON.stringify(details, null, 2)}\n`);
      const kept = order.fileTimes['details.json'];
      utimesSync(path, kept, kept);
      utimesSync(this.absolute(order.path), order.folderTime, order.folderTime);
    }
    return orders;
  }

  /** Reads back the folder time the file system holds (epoch seconds). */
  folderTimeOnDisk(order: TreeOrder): number {
    return Math.floor(statSync(this.absolute(order.path)).mtimeMs / 1000);
  }

  private generate(): void {
    const o = this.options;
    for (let orgIndex = 0; orgIndex < o.orgs; orgIndex++) {
      const country = countries[orgIndex % countries.length]!;
      const org = `${pickFrom(orgNames[country], this.random)}-${orgIndex + 1}`;
      for (let eventIndex = 0; eventIndex < o.eventsPerOrg; eventIndex++) {
        const eventName = pickFrom(eventNames[country], this.random);
        const slug = `${slugify(eventName)}-2026-${eventIndex + 1}`;
        const event: TreeEvent = {
          org,
          slug,
          path: `${o.reseller}/${org}/${slug}/`,
          uuid: uuid(this.random),
          channels: [],
          lastIndex: 0,
          country,
        };
        this.events.push(event);
        const eventTime = baseTime + Math.floor(this.random() * 3600 * 24);
        const eventDir = this.absolute(event.path);
        mkdirSync(join(eventDir, 'channel'), { recursive: true });
        mkdirSync(join(eventDir, 'order'), { recursive: true });
        const starts = baseTime + 100 * 24 * 3600 + eventIndex * 7 * 24 * 3600;
        const eventJson: SampleEvent = {
          uuid: event.uuid,
          name: `${eventName} 2026`,
          startDate: isoTime(starts),
          endDate: isoTime(starts + 3 * 24 * 3600),
          timezone: timezones[country],
          location: pickFrom(venues[country], this.random),
        };
        writeJson(join(eventDir, 'event.json'), eventJson, eventTime);
        for (let c = 0; c < o.channelsPerEvent; c++) {
          const channel = channelKinds[c % channelKinds.length]!;
          const channelJson: SampleChannel = { uuid: uuid(this.random), ...channel, url: channel.url === null ? null : `${channel.url}/${slug}` };
          event.channels.push(channelJson.uuid);
          writeJson(join(eventDir, 'channel', `${channelJson.uuid}.json`), channelJson, eventTime);
        }
        for (let index = 1; index <= o.ordersPerEvent; index++) {
          const createdAt = eventTime + 3600 + Math.floor(this.random() * generationSpan);
          this.createOrder(event, index, createdAt, createdAt + 30 + Math.floor(this.random() * 600));
        }
      }
    }
    this.settleContainerTimes(this.absolute(o.reseller));
  }

  /** customer.json is written at `createdAt`, details.json at `paidAt`. */
  private createOrder(event: TreeEvent, index: number, createdAt: number, paidAt: number): TreeOrder {
    const size = this.options.bucketSize;
    const start = Math.floor((index - 1) / size) * size + 1;
    const bucket = `${start}-${start + size - 1}`;
    const id = uuid(this.random);
    const order: TreeOrder = {
      id,
      event,
      index,
      bucket,
      path: `${event.path}order/${bucket}/${id}/`,
      fileTimes: { 'customer.json': createdAt, 'details.json': createdAt },
      folderTime: createdAt,
    };
    event.lastIndex = Math.max(event.lastIndex, index);
    mkdirSync(this.absolute(order.path), { recursive: true });
    const customer = customerFor(event.country, this.random);
    const details = detailsFor(event, order, createdAt, this.random);
    this.writeOrderFile(order, 'customer.json', customer, createdAt);
    this.writeOrderFile(order, 'details.json', details, paidAt);
    this.setFolderTime(order, paidAt);
    this.orderMap.set(id, order);
    return order;
  }

  private writeOrderFile(order: TreeOrder, file: OrderFile, content: unknown, time: number): void {
    writeJson(join(this.absolute(order.path), file), content, time);
    order.fileTimes[file] = time;
  }

  /** Tickoweb's rule: the order folder carries its newest file's time. */
  private setFolderTime(order: TreeOrder, time: number): void {
    const newest = Math.max(time, order.fileTimes['customer.json'], order.fileTimes['details.json']);
    order.folderTime = newest;
    utimesSync(this.absolute(order.path), newest, newest);
  }

  /** Bucket folders (and the event's order/ folder when a bucket appeared) get the clock, as a file system would. */
  private touchBuckets(event: TreeEvent, buckets: Set<string>, time: number): void {
    const orderDir = join(this.absolute(event.path), 'order');
    for (const bucket of buckets) utimesSync(join(orderDir, bucket), time, time);
    utimesSync(orderDir, time, time);
  }

  /** At generation: every folder above the orders gets its newest child's time, bottom up. */
  private settleContainerTimes(dir: string, orderFolders = this.orderFolders()): number {
    const order = orderFolders.get(dir);
    if (order !== undefined) return order.folderTime;
    let newest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      newest = Math.max(newest, entry.isDirectory() ? this.settleContainerTimes(path, orderFolders) : Math.floor(statSync(path).mtimeMs / 1000));
    }
    if (newest === 0) newest = baseTime;
    utimesSync(dir, newest, newest);
    return newest;
  }

  private orderFolders(): Map<string, TreeOrder> {
    return new Map(this.orders.map((order) => [join(this.root, order.path.slice(0, -1)), order]));
  }

  private firstEvent(): TreeEvent {
    const event = this.events[0];
    if (event === undefined) throw new Error('The tree has no events');
    return event;
  }

  private tick(): number {
    this.clock += 60;
    return this.clock;
  }

  /** `count` distinct items, chosen by the seeded generator. */
  private pick<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) {
      const [item] = pool.splice(Math.floor(this.random() * pool.length), 1);
      chosen.push(item!);
    }
    return chosen;
  }
}

function writeJson(path: string, content: unknown, time: number): void {
  writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`);
  utimesSync(path, time, time);
}

// --- content -------------------------------------------------------------------------------

const countries: readonly Country[] = ['DK', 'NL', 'DE'];

const firstNames: Record<Country, readonly string[]> = {
  DK: ['Søren', 'Mette', 'Jørgen', 'Åse', 'Mikkel', 'Sofie', 'Frederik', 'Ida', 'Bjørn', 'Kirsten', 'Rasmus', 'Nanna'],
  NL: ['Daniëlle', 'Joëlle', 'Ruud', 'Sanne', 'Thijs', 'Noël', 'Anouk', 'Jeroen', 'Loïs', 'Femke', 'Chloë', 'Bram'],
  DE: ['Jürgen', 'Jörg', 'Björn', 'Günther', 'Lena', 'Käthe', 'Mareike', 'Uwe', 'Sören', 'Anneliese', 'Grete', 'Hannah'],
};

const lastNames: Record<Country, readonly string[]> = {
  DK: ['Østergaard', 'Bækgaard', 'Sørensen', 'Mølgaard', 'Andersen', 'Kjær', 'Løkke', 'Bøgh', 'Dahl', 'Ærbøl'],
  NL: ['de Vries', "van 't Hof", 'Janssen', 'van der Meer', 'Bakker', 'Visser', 'de Jong', 'van den Berg', 'Smit', 'Meijer'],
  DE: ['Müller', 'Weiß', 'Groß', 'Köhler', 'Schäfer', 'Bär', 'Schröder', 'Fuß', 'Krüger', 'Hoffmann'],
};

const streets: Record<Country, readonly string[]> = {
  DK: ['Nørregade', 'Åboulevarden', 'Søndergade', 'Vestergade'],
  NL: ['Kerkstraat', 'Oudegracht', 'Molenweg', 'Stationsplein'],
  DE: ['Hauptstraße', 'Schloßallee', 'Mühlenweg', 'Bahnhofstraße'],
};

const cities: Record<Country, readonly { city: string; postalCode: () => string }[]> = {
  DK: [
    { city: 'Aarhus', postalCode: () => '8000' },
    { city: 'København Ø', postalCode: () => '2100' },
    { city: 'Næstved', postalCode: () => '4700' },
  ],
  NL: [
    { city: 'Utrecht', postalCode: () => '3511 AB' },
    { city: "'s-Hertogenbosch", postalCode: () => '5211 CD' },
    { city: 'Leeuwarden', postalCode: () => '8911 EF' },
  ],
  DE: [
    { city: 'Köln', postalCode: () => '50667' },
    { city: 'München', postalCode: () => '80331' },
    { city: 'Lübeck', postalCode: () => '23552' },
  ],
};

const orgNames: Record<Country, readonly string[]> = {
  DK: ['nordlys-events', 'skovfest-aps'],
  NL: ['zomerklanken-bv', 'polderpop'],
  DE: ['waldbuehne-events', 'rheinklang-gmbh'],
};

const eventNames: Record<Country, readonly string[]> = {
  DK: ['Nordlys Festival', 'Skovfest Ørsted'],
  NL: ['Zomerklanken', 'Polderpop Aan Zee'],
  DE: ['Waldbühne Open Air', 'Rheinklang'],
};

const venues: Record<Country, readonly SampleEvent['location'][]> = {
  DK: [{ name: 'Dyrskuepladsen', city: 'Roskilde', country: 'DK' }],
  NL: [{ name: 'Het Park', city: 'Hoorn', country: 'NL' }],
  DE: [{ name: 'Festwiese', city: 'Köln', country: 'DE' }],
};

const timezones: Record<Country, string> = { DK: 'Europe/Copenhagen', NL: 'Europe/Amsterdam', DE: 'Europe/Berlin' };

const gates: Record<Country, readonly string[]> = {
  DK: ['Indgang Nord', 'Indgang Syd', 'Campingporten'],
  NL: ['Ingang Noord', 'Ingang Zuid', 'Campingpoort'],
  DE: ['Eingang West', 'Eingang Ost', 'Campingtor'],
};

const products: Record<Country, readonly { name: string; price: string }[]> = {
  DK: [
    { name: 'Partoutbillet', price: '1495.00' },
    { name: 'Dagsbillet lørdag', price: '695.00' },
    { name: 'Camping', price: '250.00' },
  ],
  NL: [
    { name: 'Weekendticket', price: '149.50' },
    { name: 'Dagticket zaterdag', price: '89.50' },
    { name: 'Parkeren', price: '15.00' },
  ],
  DE: [
    { name: 'Festivalticket', price: '179.00' },
    { name: 'Tagesticket Samstag', price: '99.00' },
    { name: 'Camping', price: '35.00' },
  ],
};

const channelKinds: readonly Omit<SampleChannel, 'uuid'>[] = [
  { name: 'Webshop', type: 'online', url: 'https://shop.tickets.example' },
  { name: 'Kassa', type: 'box-office', url: null },
  { name: 'Partnerverkoop', type: 'reseller', url: 'https://partner.tickets.example' },
];

function customerFor(country: Country, random: () => number): SampleCustomer {
  const firstName = pickFrom(firstNames[country], random);
  const lastName = pickFrom(lastNames[country], random);
  const place = pickFrom(cities[country], random);
  const domain = pickFrom(['example.com', 'example.net', 'example.org'], random);
  return {
    firstName,
    lastName,
    email: `${ascii(firstName)}.${ascii(lastName)}${Math.floor(random() * 100)}@${domain}`,
    phone: phoneFor(country, random),
    language: country === 'DK' ? 'da' : country === 'NL' ? 'nl' : 'de',
    address: {
      street: `${pickFrom(streets[country], random)} ${1 + Math.floor(random() * 120)}`,
      postalCode: place.postalCode(),
      city: place.city,
      country,
    },
  };
}

function detailsFor(event: TreeEvent, order: TreeOrder, createdAt: number, random: () => number): SampleDetails {
  const roll = random();
  const status: SampleDetails['status'] = roll < 0.85 ? 'paid' : roll < 0.92 ? 'pending' : roll < 0.97 ? 'cancelled' : 'refunded';
  const count = 1 + Math.floor(random() * 4);
  const tickets: SampleTicket[] = [];
  let cents = 0;
  for (let n = 0; n < count; n++) {
    const product = pickFrom(products[event.country], random);
    const serial = String(Math.floor(random() * 1e6)).padStart(6, '0');
    tickets.push({ barcode: `${String(order.index).padStart(6, '0')}${n}${serial}`, productName: product.name, price: product.price });
    cents += Math.round(Number(product.price) * 100);
  }
  const scans: SampleScan[] = [];
  if (status === 'paid' && random() < 0.3) {
    const ticket = tickets[0]!;
    scans.push({ barcode: ticket.barcode, scannedAt: isoTime(createdAt + 86_400), gate: pickFrom(gates[event.country], random) });
  }
  return {
    uuid: order.id,
    orderNumber: `TW-${event.uuid.slice(0, 4).toUpperCase()}-${String(order.index).padStart(6, '0')}`,
    status,
    createdAt: isoTime(createdAt),
    channel: { uuid: event.channels.length === 0 ? uuid(random) : pickFrom(event.channels, random) },
    total: (cents / 100).toFixed(2),
    currency: event.country === 'DK' ? 'DKK' : 'EUR',
    tickets,
    scans,
  };
}

function phoneFor(country: Country, random: () => number): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  if (country === 'DK') return `+45 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`;
  if (country === 'NL') return `+31 6 ${digits(8)}`;
  return `+49 15${digits(1)} ${digits(7)}`;
}

const transliterations: Record<string, string> = { ø: 'oe', æ: 'ae', å: 'aa', ü: 'ue', ö: 'oe', ä: 'ae', ß: 'ss' };

function ascii(name: string): string {
  return name
    .toLowerCase()
    .replace(/[øæåüöäß]/g, (char) => transliterations[char] ?? char)
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

function slugify(name: string): string {
  const plain = name
    .toLowerCase()
    .replace(/[øæåüöäß]/g, (char) => transliterations[char] ?? char)
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-');
  return plain.replace(/^-+|-+$/g, '') || 'event';
}

function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

function pickFrom<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function uuid(random: () => number): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
