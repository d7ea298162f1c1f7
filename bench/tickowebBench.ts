/**
 * The Tickoweb mirror's store at festival size: 100,000 orders parsed by the mapping and committed
 * bucket by bucket (file database, WAL, synchronous=FULL), then as-you-type searches.
 */
import { openStore } from '../src/main/store/Store';
import { MirrorStore, searchFold } from '../src/main/tickoweb/MirrorStore';
import type { OrderUpsert } from '../src/main/tickoweb/MirrorStore';
import { parseOrderFiles } from '../src/main/tickoweb/TickowebMapping';
import { makeTempDir } from '../test/support/tempDir';
import { latencyLine, print } from './stats';

const size = 100_000;
const bucketSize = 500;
const event = 'reseller/org/fest-2024/';
const firstNames = ['Søren', 'Mette', 'Anna', 'Jürgen', 'Łukasz', 'Sophie', 'Jan', 'Pieter', 'Lotte', 'Émile', 'Noah', 'Lucas', 'Emma', 'Olivia', 'Liam', 'Mila', 'Finn', 'Zoë', 'Inès', 'Bjørn', 'Ærøn', 'Hanne', 'Sven', 'Kasper'];
const lastNames = ['Müller', 'Hansen', 'Jansen', 'De Smet', 'Peeters', 'Nielsen', 'Van den Berg', 'Dubois', 'Østergaard', 'Janssens', 'Maes', 'Claes', 'Wouters', 'Smith', 'Lindqvist', 'Strauß', 'Kowalski', 'Dupont', 'Martens', 'Jacobs', 'Willems', 'Goossens'];

function orderTexts(i: number): { customer: string; details: string } {
  const first = firstNames[i % firstNames.length] ?? 'Anna';
  const last = lastNames[(i * 7 + Math.floor(i / 97)) % lastNames.length] ?? 'Smith';
  const barcodes = Array.from({ length: 1 + (i % 3) }, (_, b) => String(1090281000000000 + i * 10 + b).padStart(18, '0'));
  return {
    customer: JSON.stringify({
      firstName: first,
      lastName: last,
      email: `${searchFold(first)}.${searchFold(last).replace(/\W/g, '')}${i}@example${i % 50}.com`,
      phone: `+32 470 ${String(i).padStart(6, '0')}`,
      city: 'Leuven',
    }),
    details: JSON.stringify({
      orderNumber: `TW-${String(100000 + i)}`,
      status: i % 20 === 0 ? 'cancelled' : 'paid',
      createdAt: `2024-0${1 + (i % 6)}-1${i % 10}T12:00:00`,
      channel: `ch-${i % 4}`,
      tickets: barcodes.map((barcode) => ({ barcode, productName: 'Weekend pass', price: 129.5 })),
      scans: i % 5 === 0 ? [{ barcode: barcodes[0], scannedAt: '2024-07-05T18:00:00', gate: 'North' }] : [],
    }),
  };
}

/** As a volunteer types: prefixes of names, e-mails, order and ticket numbers, phones, and misses. */
const queries = ['s', 'so', 'sø', 'sor', 'søren', 'søren mül', 'muller', 'strauss', 'aeron', 'strauss4242@ex', 'auss4242@exa', 'example7', 'TW-1', 'TW-123456', '0010902810003', '28100032345', '0470', '470 012', 'nobody', 'xq'];

export function tickowebStore100k(): void {
  const dir = makeTempDir('wristdesk-bench-mirror-');
  const db = openStore(dir.path);
  try {
    const store = new MirrorStore(db, () => 1);
    const started = performance.now();
    for (let start = 0; start < size; start += bucketSize) {
      const bucketPath = `${event}order/${start + 1}-${start + bucketSize}/`;
      const upserts: OrderUpsert[] = [];
      for (let i = start; i < start + bucketSize; i++) {
        const texts = orderTexts(i);
        const parsed = parseOrderFiles(texts.customer, texts.details);
        if (!parsed.ok) throw new Error(parsed.detail);
        upserts.push({ path: `${bucketPath}${i}/`, uuid: String(i), modified: i, etag: null, fields: parsed.fields, customerRaw: texts.customer, detailsRaw: texts.details });
      }
      store.commitBucket({ eventPath: event, bucketPath, bucketModified: start, upserts, deletions: [], quarantined: [], clearedQuarantine: [] });
    }
    print({ name: 'tickoweb-store-100k', unit: 's', value: Math.round((performance.now() - started) / 10) / 100 });

    const samples: number[] = [];
    for (let round = 0; round < 10; round++) {
      for (const query of queries) {
        const t0 = performance.now();
        store.search(query);
        samples.push(performance.now() - t0);
      }
    }
    print(latencyLine('tickoweb-search-100k', samples, { p95: 10 }));
  } finally {
    db.close();
    dir.remove();
  }
}
