import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/defaultDataDir';
import { lockDataFolder } from '../store/DataFolderLock';
import { openStore } from '../store/Store';
import { MirrorStore } from '../tickoweb/MirrorStore';
import { WebdavClient } from '../tickoweb/webdav/WebdavClient';
import { WebdavMirror } from '../tickoweb/WebdavMirror';
import type { SyncProgress } from '../tickoweb/WebdavMirror';

const usage = `Usage: npm run sync -- --url URL [--data-dir DIR] [--full]

Mirrors a Tickoweb WebDAV tree into this desk's data folder, without Electron: to prepare laptops
before doors open, or from a scheduler.
  --url URL         the WebDAV folder the credentials give access to
  --data-dir DIR    data folder (default: the desktop app's, ${defaultDataDir()})
  --full            fetch every order again, whatever its folder time says (the nightly reconcile)
Credentials come from the environment: WRISTDESK_TICKOWEB_USERNAME and WRISTDESK_TICKOWEB_PASSWORD
(the desktop app's encrypted copy cannot be read outside it).
Exit code: 0 done, 1 failed, 2 bad arguments, 130 interrupted (what finished is kept).`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        url: { type: 'string' },
        'data-dir': { type: 'string' },
        full: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if (args.help === true) {
    console.log(usage);
    return 0;
  }
  if (args.url === undefined || !/^https?:\/\//.test(args.url)) {
    console.error(`--url must be the http(s) address of the WebDAV folder.\n\n${usage}`);
    return 2;
  }
  const dataDir = resolve(args['data-dir'] ?? defaultDataDir());
  const unlock = lockDataFolder(dataDir);
  const db = openStore(dataDir);
  const username = process.env.WRISTDESK_TICKOWEB_USERNAME;
  const client = new WebdavClient({
    baseUrl: args.url,
    ...(username === undefined || username === '' ? {} : { username, password: process.env.WRISTDESK_TICKOWEB_PASSWORD ?? '' }),
  });
  const mirror = new WebdavMirror({ source: client, store: new MirrorStore(db, Date.now), now: Date.now });
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let lastLine = 0;
  const report = await mirror.sync({
    full: args.full,
    signal: controller.signal,
    onProgress: (progress) => {
      // A line a second at most: a terminal or a log file, not a flood.
      if (progress.phase !== 'finished' && Date.now() - lastLine < 1000) return;
      lastLine = Date.now();
      console.log(progressLine(progress));
    },
  });
  await client.close();
  db.close();
  unlock();
  console.log(
    `Tickoweb sync ${report.result}: ${report.events} events, ${report.buckets} buckets, ` +
      `${report.ordersFetched} orders fetched, ${report.ordersUnchanged} unchanged, ${report.ordersDeleted} deleted, ` +
      `${report.quarantined} quarantined; ${report.requests.list} listings, ${report.requests.get} downloads.`,
  );
  if (report.result === 'failed') {
    console.error(`Failed: ${report.error?.message ?? 'unknown error'} (${report.error?.code ?? 'INTERNAL'})`);
    return 1;
  }
  return report.result === 'cancelled' ? 130 : 0;
}

function progressLine(progress: SyncProgress): string {
  return `${progress.phase}: buckets ${progress.bucketsDone}/${progress.bucketsTotal}, orders fetched ${progress.ordersFetched}, unchanged ${progress.ordersUnchanged}, ${progress.rate}/s`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
