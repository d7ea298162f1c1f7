/**
 * Deterministic sample data for demo mode and tests: a festival's customers with their orders,
 * digital products (tickets) and wristbands, in the simulator's wire shape.
 *
 * Everything comes from a seeded PRNG (mulberry32) and fixed lists, never from Math.random or
 * the clock, so one seed always gives byte-identical data. Times are 2026 wall-clock strings.
 */
import { demoImagePath } from './DemoImages';
import { SeededRandom } from './SeededRandom';
import { NOT_INVALIDATED, isInvalidated } from './SimulatorData';
import type {
  SimulatorAddress,
  SimulatorCustomer,
  SimulatorDigitalProduct,
  SimulatorEvent,
  SimulatorOrder,
  SimulatorToken,
} from './SimulatorData';
import { describeTokenBlocked, describeTokenReplaced } from './SimulatorRules';

export interface DemoDataOptions {
  seed: number;
  /** Total number of customers, the documented one included (default 600). */
  customers?: number;
}

/** The documented example customer (search-response.json), exactly; a fresh copy per call. */
export function documentedCustomer(): SimulatorCustomer {
  const address = (withContact: boolean): SimulatorAddress => ({
    name: 'Rakel Hovn',
    company: 'Combine A/S',
    street: 'Dannebrogsgade 58A, 2.',
    zipCode: '9000',
    city: 'Aalborg',
    countryCode: 'DK',
    ...(withContact ? { email: 'rah@combine.dk', phone: '+45 20781206' } : {}),
  });
  return {
    id: 38081,
    address: address(true),
    orders: [
      {
        id: 76529,
        authorizedTime: '2015-12-15 08:53:36',
        billingAddress: address(true),
        deliveryAddress: address(false),
        digitalProducts: [
          {
            id: 457,
            name: 'Lørdagsarmbånd',
            invalidateTime: NOT_INVALIDATED,
            productImageUrl: 'https://placecats.com/300/200',
            barcode: '000109028100000164',
            alias: "'Walthers armbånd'",
            tokens: [{ uid: '8768765876875', insertTime: '2015-12-15 08:53:36', invalidateTime: NOT_INVALIDATED }],
            events: [{ time: '2015-12-15 08:53:36', type: 'general', description: 'Købt' }],
          },
        ],
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Names and places (varied on purpose: diacritics, "&", "+", "/" and apostrophes all occur)

interface Locale {
  countryCode: string;
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** [zip code, city]; '#' is a random digit, '@' a random capital letter. */
  places: readonly (readonly [string, string])[];
  /** '{n}' is a house number. */
  streets: readonly string[];
  phone: string;
  mailDomains: readonly string[];
  companies: readonly string[];
}

const LOCALES: readonly (readonly [Locale, number])[] = [
  [
    {
      countryCode: 'DK',
      firstNames: ['Mette', 'Søren', 'Jørgen', 'Åse', 'Bjørn', 'Frederik', 'Sofie', 'Ida', 'Mads', 'Kasper', 'Rasmus',
        'Signe', 'Asger', 'Maja', 'Emil', 'Freja', 'Lærke', 'Jens', 'Birgitte', 'Thøger', 'Anders', 'Kirsten', 'Niels'],
      lastNames: ['Hansen', 'Jensen', 'Nielsen', 'Pedersen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Kjærgaard', 'Østergaard',
        'Bækgaard', 'Mølgaard', 'Dahl', 'Krogh', 'Brøndum', 'Ågesen', 'Møller', 'Thomsen', 'Lund', 'Skovbø', 'Præstegaard'],
      places: [['1620', 'København V'], ['2200', 'København N'], ['8000', 'Aarhus C'], ['9000', 'Aalborg'], ['5000', 'Odense C'],
        ['4000', 'Roskilde'], ['6700', 'Esbjerg'], ['7100', 'Vejle'], ['3000', 'Helsingør'], ['5970', 'Ærøskøbing'], ['8800', 'Viborg']],
      streets: ['Nørrebrogade {n}, 3. th.', 'Vesterbrogade {n}', 'Åboulevarden {n}, 1.', 'Søndergade {n}', 'Østergade {n}',
        'Dannebrogsgade {n}A, 2.', 'Hjortøvej {n}', 'Skovlyst Allé {n}', 'Kærvej {n}, st. tv.'],
      phone: '+45 ########',
      mailDomains: ['gmail.com', 'hotmail.dk', 'outlook.dk', 'mail.dk', 'live.dk'],
      companies: ['Combine A/S', 'Nordlys Events ApS', 'Ærø Lyd & Lys I/S', 'Grøn+ Energi ApS', 'Smørrebrød & Sønner',
        'Bølgen Kommunikation A/S', 'Scenekunst/Øst ApS', "Thøgers Tømrer- og Snedkerfirma"],
    },
    52,
  ],
  [
    {
      countryCode: 'NL',
      firstNames: ['Sanne', 'Daan', 'Joëlle', 'Noël', 'Anouk', 'Sem', 'Bram', 'Femke', 'Maartje', 'Chloë', 'Ruud', 'Zoë', 'IJsbrand'],
      lastNames: ['van den Berg', 'de Vries', 'Jansen', 'Bakker', 'Visser', 'van Dijk', 'Smit', 'de Jong', 'Mulder',
        "van 't Hek", 'Brouwer', 'Hoekstra', 'Ğenç', 'Çelik'],
      places: [['1012 @@', 'Amsterdam'], ['3011 @@', 'Rotterdam'], ['3511 @@', 'Utrecht'], ['9711 @@', 'Groningen'],
        ['5611 @@', 'Eindhoven'], ['2511 @@', "'s-Gravenhage"]],
      streets: ['Prinsengracht {n}-1', 'Oudegracht {n}', 'Coolsingel {n}', 'Vismarkt {n}', 'Keizersgracht {n} hs'],
      phone: '+31 6 ########',
      mailDomains: ['gmail.com', 'ziggo.nl', 'kpnmail.nl', 'live.nl'],
      companies: ['Van der Meer B.V.', "Brouwerij 't IJ", 'Geluid+Licht B.V.', 'Podium & Co V.O.F.'],
    },
    14,
  ],
  [
    {
      countryCode: 'DE',
      firstNames: ['Jürgen', 'Lena', 'Björn', 'Käthe', 'Lukas', 'Jörg', 'Hannah', 'Günther', 'Marie', 'Uwe'],
      lastNames: ['Müller', 'Groß', 'Weiß', 'Schröder', 'Köhler', 'Strauß', 'Fischer', 'Schäfer', 'Meißner', 'Böhm'],
      places: [['20095', 'Hamburg'], ['24103', 'Kiel'], ['10115', 'Berlin'], ['50667', 'Köln'], ['80331', 'München'], ['23552', 'Lübeck']],
      streets: ['Königstraße {n}', 'Große Straße {n}', 'Mönckebergstraße {n}', 'Am Fährhaus {n}'],
      phone: '+49 15# ########',
      mailDomains: ['web.de', 'gmx.de', 't-online.de', 'gmail.com'],
      companies: ['Müller & Söhne GmbH', 'Straßenfest GmbH', 'Bühnentechnik Nord GmbH & Co. KG'],
    },
    9,
  ],
  [
    {
      countryCode: 'PL',
      firstNames: ['Łukasz', 'Małgorzata', 'Wojciech', 'Zofia', 'Paweł', 'Agnieszka', 'Michał', 'Żaneta'],
      lastNames: ['Wójcik', 'Kowalski', 'Łuczak', 'Dąbrowska', 'Żak', 'Wiśniewski', 'Krawczyk', 'Szymańska'],
      places: [['00-9##', 'Warszawa'], ['80-8##', 'Gdańsk'], ['30-0##', 'Kraków'], ['90-0##', 'Łódź']],
      streets: ['ul. Świętokrzyska {n}/3', 'ul. Długa {n}', 'al. Jerozolimskie {n}/12', 'ul. Łąkowa {n}'],
      phone: '+48 ### ### ###',
      mailDomains: ['wp.pl', 'onet.pl', 'gmail.com', 'o2.pl'],
      companies: ['Łódź Media Sp. z o.o.', 'Dźwięk & Światło s.c.'],
    },
    6,
  ],
  [
    {
      countryCode: 'SE',
      firstNames: ['Åsa', 'Björn', 'Märta', 'Göran', 'Linnéa', 'Östen', 'Ebba', 'Oskar'],
      lastNames: ['Öberg', 'Åkesson', 'Lindqvist', 'Sjöström', 'Ström', 'Håkansson', 'Nyström'],
      places: [['114 ##', 'Stockholm'], ['211 ##', 'Malmö'], ['411 ##', 'Göteborg'], ['223 ##', 'Lund']],
      streets: ['Götgatan {n}', 'Storgatan {n}', 'Södra Förstadsgatan {n}', 'Järntorget {n}'],
      phone: '+46 70 ### ## ##',
      mailDomains: ['telia.com', 'gmail.com', 'hotmail.se'],
      companies: ['Åhléns Event AB', 'Ljud & Bild i Malmö AB'],
    },
    6,
  ],
  [
    {
      countryCode: 'FR',
      firstNames: ['François', 'Hélène', 'Amélie', 'Gaël', 'Loïc', 'Cécile', 'Jérôme', 'Maëlle'],
      lastNames: ['Lefèvre', 'Beaulieu', 'Garçon', 'Moreau', 'Dubois', 'Pérez', "d'Aubigné"],
      places: [['75011', 'Paris'], ['69002', 'Lyon'], ['13001', 'Marseille'], ['59000', 'Lille']],
      streets: ['{n} rue de la Paix', '{n} boulevard Saint-Germain', '{n} place de l’Hôtel-de-Ville'],
      phone: '+33 6 ## ## ## ##',
      mailDomains: ['orange.fr', 'free.fr', 'gmail.com'],
      companies: ['Café Crème SARL', 'Société des Fêtes & Concerts'],
    },
    5,
  ],
  [
    {
      countryCode: 'NO',
      firstNames: ['Øystein', 'Ingrid', 'Håkon', 'Solveig', 'Ørjan', 'Kari'],
      lastNames: ['Bø', 'Haugen', 'Sæther', 'Løkken', 'Ødegård', 'Berg'],
      places: [['0150', 'Oslo'], ['5003', 'Bergen'], ['7011', 'Trondheim']],
      streets: ['Karl Johans gate {n}', 'Bryggen {n}', 'Øvre Slottsgate {n}'],
      phone: '+47 ### ## ###',
      mailDomains: ['online.no', 'gmail.com'],
      companies: ['Fjord Lyd AS'],
    },
    4,
  ],
  [
    {
      countryCode: 'ES',
      firstNames: ['José', 'Begoña', 'Iñaki', 'María', 'Álvaro'],
      lastNames: ['Muñoz', 'García', 'Núñez', 'Ibáñez', 'Peña'],
      places: [['28013', 'Madrid'], ['08002', 'Barcelona'], ['48001', 'Bilbao']],
      streets: ['Calle Mayor {n}, 2º', 'Carrer de Sant Pau {n}', 'Plaza de España {n}'],
      phone: '+34 6## ### ###',
      mailDomains: ['gmail.com', 'telefonica.net'],
      companies: ['Producciones Núñez S.L.'],
    },
    2,
  ],
  [
    {
      countryCode: 'CZ',
      firstNames: ['Tomáš', 'Jiří', 'Kateřina', 'Lucie', 'Přemysl'],
      lastNames: ['Dvořák', 'Novák', 'Černý', 'Procházková', 'Kučera'],
      places: [['110 00', 'Praha'], ['602 00', 'Brno']],
      streets: ['Václavské náměstí {n}', 'Údolní {n}'],
      phone: '+420 ### ### ###',
      mailDomains: ['seznam.cz', 'gmail.com'],
      companies: ['Zvuk & Světlo s.r.o.'],
    },
    2,
  ],
];

interface CatalogItem {
  name: string;
  /** Some products are only ever print@home (no wristband), e.g. parking. */
  printOnly: boolean;
}

const CATALOG: readonly (readonly [CatalogItem, number])[] = [
  [{ name: 'Partoutarmbånd', printOnly: false }, 30],
  [{ name: 'Fredagsarmbånd', printOnly: false }, 10],
  [{ name: 'Lørdagsarmbånd', printOnly: false }, 12],
  [{ name: 'Søndagsarmbånd', printOnly: false }, 6],
  [{ name: 'Partout + Camping', printOnly: false }, 14],
  [{ name: 'VIP-armbånd', printOnly: false }, 4],
  [{ name: 'Børnearmbånd (under 12 år)', printOnly: false }, 5],
  [{ name: 'Frivilligarmbånd', printOnly: false }, 4],
  [{ name: 'Parkering, hele festivalen', printOnly: true }, 4],
];

const FRIEND_NAMES = LOCALES.flatMap(([locale]) => locale.firstNames);


const BLOCK_REASONS = ['Wristband reported lost.', 'Card reported stolen.', 'Ticket resold against the rules.'];
const REPLACE_REASONS = ['Chip cannot be read by scanners', 'Wristband torn at the gate', 'Print@Home ticket replaced with chip'];
const COMMENTS = [
  'Customer is rude and has received final warning.',
  'Guest confirmed identity with passport at the help desk.',
  'Kunden fik et nyt armbånd ved indgang B.',
  'Wheelchair user: access to the platform at the main stage.',
];

// ---------------------------------------------------------------------------------------------
// Times: wall-clock strings computed on a UTC timeline, so no zone or DST ever shifts them.

const DAY = 24 * 60 * 60 * 1000;
const SALES_START = Date.UTC(2026, 0, 5);
const SALES_END = Date.UTC(2026, 4, 31);

function wallClock(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function randomDaytime(rng: SeededRandom, fromMs: number, maxDays: number): number {
  const day = Math.floor(fromMs / DAY) + rng.int(0, maxDays);
  return day * DAY + rng.int(7 * 3600, 23 * 3600 - 1) * 1000;
}

/** A daytime moment minDays..maxDays later, and always strictly after `fromMs` (events stay in order). */
function after(rng: SeededRandom, fromMs: number, minDays: number, maxDays: number): number {
  return Math.max(fromMs + 60_000, randomDaytime(rng, fromMs + minDays * DAY, maxDays - minDays));
}

// ---------------------------------------------------------------------------------------------

/** E-mail-safe ASCII for a name: "Søren Ågesen" -> "soeren.aagesen". */
function asciiSlug(s: string): string {
  const spelled: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ß: 'ss', ł: 'l', œ: 'oe', đ: 'd', ı: 'i' };
  return s
    .toLowerCase()
    .replace(/[æøåßłœđı]/g, (c) => spelled[c] ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

/** Danish genitive as in the documented alias "'Walthers armbånd'". */
function wristbandAlias(firstName: string): string {
  return /[sxz]$/i.test(firstName) ? `'${firstName}' armbånd'` : `'${firstName}s armbånd'`;
}

class DemoGenerator {
  private readonly rng: SeededRandom;
  private readonly usedUids = new Set<string>();
  private readonly usedBarcodes = new Set<string>();
  private readonly usedEmails = new Set<string>();
  private nextCustomerId = 38100;
  private nextOrderId = 76600;
  private nextProductId = 1000;

  constructor(seed: number, reserved: SimulatorCustomer) {
    this.rng = new SeededRandom(seed);
    for (const order of reserved.orders) {
      for (const product of order.digitalProducts) {
        this.usedBarcodes.add(product.barcode);
        for (const token of product.tokens) this.usedUids.add(token.uid);
      }
    }
    if (reserved.address.email !== undefined) this.usedEmails.add(reserved.address.email);
  }

  customer(): SimulatorCustomer {
    const rng = this.rng;
    const locale = rng.weighted(LOCALES);
    const first = rng.pick(locale.firstNames);
    const last = rng.pick(locale.lastNames);
    const [zipPattern, city] = rng.pick(locale.places);
    const company = rng.chance(0.28) ? rng.pick(locale.companies) : '';
    const billing: SimulatorAddress = {
      name: `${first} ${last}`,
      company,
      street: rng.pick(locale.streets).replace('{n}', String(rng.int(1, 180))),
      zipCode: rng.code(zipPattern),
      city,
      countryCode: locale.countryCode,
      email: this.email(first, last, rng.pick(locale.mailDomains)),
      phone: rng.code(locale.phone),
    };

    this.nextCustomerId += rng.int(1, 7);
    const customerId = this.nextCustomerId;
    const orderCount = rng.weighted([[1, 78], [2, 18], [3, 4]] as const);
    const orders: SimulatorOrder[] = [];
    for (let i = 0; i < orderCount; i += 1) orders.push(this.order(billing, first));
    return { id: customerId, address: { ...billing }, orders };
  }

  private email(first: string, last: string, domain: string): string {
    const base = `${asciiSlug(first)}.${asciiSlug(last)}`;
    let email = `${base}@${domain}`;
    for (let n = 2; this.usedEmails.has(email); n += 1) email = `${base}${n}@${domain}`;
    this.usedEmails.add(email);
    return email;
  }

  private order(billing: SimulatorAddress, buyerFirstName: string): SimulatorOrder {
    const rng = this.rng;
    this.nextOrderId += rng.int(1, 9);
    const authorizedMs = randomDaytime(rng, SALES_START, Math.floor((SALES_END - SALES_START) / DAY));
    const productCount = rng.weighted([[1, 55], [2, 25], [3, 12], [4, 8]] as const);
    const digitalProducts: SimulatorDigitalProduct[] = [];
    for (let i = 0; i < productCount; i += 1) {
      // The first ticket is the buyer's own; extra ones are for friends, named in the alias.
      const alias = i === 0 ? (rng.chance(0.4) ? wristbandAlias(buyerFirstName) : '') : wristbandAlias(rng.pick(FRIEND_NAMES));
      digitalProducts.push(this.product(authorizedMs, alias));
    }
    return {
      id: this.nextOrderId,
      authorizedTime: wallClock(authorizedMs),
      billingAddress: { ...billing },
      // As documented: the delivery address is the billing one without e-mail and phone.
      deliveryAddress: {
        name: billing.name,
        company: billing.company,
        street: billing.street,
        zipCode: billing.zipCode,
        city: billing.city,
        countryCode: billing.countryCode,
      },
      digitalProducts,
    };
  }

  private product(authorizedMs: number, alias: string): SimulatorDigitalProduct {
    const rng = this.rng;
    this.nextProductId += rng.int(1, 3);
    const item = rng.weighted(CATALOG);
    const tokens: SimulatorToken[] = [];
    const events: SimulatorEvent[] = [{ time: wallClock(authorizedMs), type: 'general', description: 'Købt' }];
    let invalidateTime = NOT_INVALIDATED;

    const story = item.printOnly
      ? 'print-at-home'
      : rng.weighted([
          ['active', 60],
          ['print-at-home', 8],
          ['lost', 9],
          ['replaced', 9],
          ['invalidated', 7],
          ['commented', 7],
        ] as const);

    if (story !== 'print-at-home') {
      // The chip is issued when the order is authorised or shortly after (posted wristbands).
      const insertedMs = rng.chance(0.6) ? authorizedMs : after(rng, authorizedMs, 0, 10);
      const first: SimulatorToken = { uid: this.uid(), insertTime: wallClock(insertedMs), invalidateTime: NOT_INVALIDATED };
      tokens.push(first);
      if (story === 'lost') {
        const blockedMs = after(rng, insertedMs, 1, 25);
        first.invalidateTime = wallClock(blockedMs);
        events.push({ time: first.invalidateTime, type: 'token', description: describeTokenBlocked(first.uid, rng.pick(BLOCK_REASONS)) });
      } else if (story === 'replaced') {
        const replacedMs = after(rng, insertedMs, 1, 25);
        const second: SimulatorToken = { uid: this.uid(), insertTime: wallClock(replacedMs), invalidateTime: NOT_INVALIDATED };
        first.invalidateTime = wallClock(replacedMs);
        tokens.push(second);
        events.push({
          time: wallClock(replacedMs),
          type: 'token',
          description: describeTokenReplaced(first.uid, second.uid, rng.pick(REPLACE_REASONS)),
        });
      } else if (story === 'invalidated') {
        // A refunded ticket: the product is invalidated, its wristband usually left active.
        const cancelledMs = after(rng, insertedMs, 1, 30);
        invalidateTime = wallClock(cancelledMs);
        events.push({ time: invalidateTime, type: 'general', description: 'Annulleret' });
        if (rng.chance(0.25)) {
          first.invalidateTime = invalidateTime;
          events.push({ time: invalidateTime, type: 'token', description: describeTokenBlocked(first.uid, 'Ticket refunded.') });
        }
      } else if (story === 'commented') {
        events.push({ time: wallClock(after(rng, insertedMs, 0, 20)), type: 'comment', description: rng.pick(COMMENTS) });
      }
    }

    return {
      id: this.nextProductId,
      name: item.name,
      invalidateTime,
      productImageUrl: demoImagePath(CATALOG.findIndex(([entry]) => entry.name === item.name)),
      barcode: this.barcode(),
      alias,
      tokens,
      events,
    };
  }

  /** A 7-byte NXP UID (manufacturer byte 0x04) as 14 upper-case hex digits, unique. */
  private uid(): string {
    let uid: string;
    do {
      uid = '04';
      for (let i = 0; i < 6; i += 1) uid += this.rng.int(0, 255).toString(16).toUpperCase().padStart(2, '0');
    } while (this.usedUids.has(uid));
    this.usedUids.add(uid);
    return uid;
  }

  /** 18 digits, shaped like the documented "000109028100000164". */
  private barcode(): string {
    let barcode: string;
    do barcode = this.rng.code('0001090281########');
    while (this.usedBarcodes.has(barcode));
    this.usedBarcodes.add(barcode);
    return barcode;
  }
}

/**
 * `customers` customers in total: the documented one first (ids 38081/76529/457), then
 * generated ones with ids above it. Same seed, same data, byte for byte.
 */
export function generateDemoData({ seed, customers = 600 }: DemoDataOptions): SimulatorCustomer[] {
  if (!Number.isInteger(customers) || customers < 1) throw new Error(`customers must be a positive integer: ${customers}`);
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number: ${seed}`);
  const documented = documentedCustomer();
  const generator = new DemoGenerator(seed, documented);
  const data = [documented];
  while (data.length < customers) data.push(generator.customer());
  return data;
}

// ---------------------------------------------------------------------------------------------

export type SampleWristbandKind = 'active' | 'blocked' | 'invalidated' | 'unknown';

export interface SampleWristband {
  uid: string;
  kind: SampleWristbandKind;
  /** English, for the virtual reader's menu. */
  label: string;
}

const NXP_UID = /^04[0-9A-F]{12}$/;

/**
 * Wristbands for the demo's virtual reader, one story each: an active one on a valid ticket, a
 * lost (blocked) one, the old chip of a replaced wristband, an active one on a cancelled ticket,
 * and a UID that is in no order at all. Kinds the data does not contain are left out, except
 * "unknown", which always exists.
 */
export function pickSampleWristbands(data: readonly SimulatorCustomer[]): SampleWristband[] {
  const samples: SampleWristband[] = [];
  const used = new Set<string>();
  const take = (
    kind: SampleWristbandKind,
    label: (owner: string) => string,
    fits: (product: SimulatorDigitalProduct) => SimulatorToken | undefined,
  ): void => {
    for (const customer of data) {
      for (const order of customer.orders) {
        for (const product of order.digitalProducts) {
          const token = fits(product);
          if (token !== undefined && NXP_UID.test(token.uid) && !used.has(token.uid)) {
            used.add(token.uid);
            samples.push({ uid: token.uid, kind, label: label(customer.address.name) });
            return;
          }
        }
      }
    }
  };
  const active = (p: SimulatorDigitalProduct): SimulatorToken[] => p.tokens.filter((t) => !isInvalidated(t));
  const blocked = (p: SimulatorDigitalProduct): SimulatorToken[] => p.tokens.filter(isInvalidated);

  take('active', (o) => `Active wristband — ${o}`, (p) =>
    !isInvalidated(p) && p.tokens.length === 1 && active(p).length === 1 ? active(p)[0] : undefined,
  );
  take('blocked', (o) => `Blocked wristband (reported lost) — ${o}`, (p) =>
    !isInvalidated(p) && active(p).length === 0 && p.tokens.length === 1 ? blocked(p)[0] : undefined,
  );
  take('blocked', (o) => `Old wristband, replaced — ${o}`, (p) =>
    !isInvalidated(p) && active(p).length === 1 && blocked(p).length === 1 ? blocked(p)[0] : undefined,
  );
  take('invalidated', (o) => `Wristband on a cancelled ticket — ${o}`, (p) =>
    isInvalidated(p) && active(p).length === 1 ? active(p)[0] : undefined,
  );

  const known = new Set(data.flatMap((c) => c.orders.flatMap((o) => o.digitalProducts.flatMap((p) => p.tokens.map((t) => t.uid)))));
  let n = 0x0001;
  let unknown = '04DEADBEEF0001';
  while (known.has(unknown)) {
    n += 1;
    unknown = `04DEADBEEF${n.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  samples.push({ uid: unknown, kind: 'unknown', label: 'Unknown wristband (in no order)' });
  return samples;
}
