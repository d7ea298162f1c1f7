import { appendFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { version } from '../../../package.json';
import { startCore } from '../core/Core';
import { defaultDataDir } from '../core/defaultDataDir';
import { consoleLog } from '../core/Log';
import { EnvironmentSecretStore } from '../secrets/EnvironmentSecretStore';
import { loadNodeHid } from '../scanner/loadNodeHid';
import { startBrowserModeServer } from '../server/BrowserModeServer';

const usage = `Usage: npm run serve -- [--port N] [--data-dir DIR]

Starts the Wristdesk core without Electron and serves the app to a browser on 127.0.0.1.
  --port N          port on 127.0.0.1 (default 4780; 0 picks a free one)
  --data-dir DIR    data folder (default: the desktop app's, ${defaultDataDir()})
  --renderer-dir D  the built renderer (default: out/renderer next to this script)
  --demo-request-log FILE
                    demo mode: append every request the demo Venue Manager receives to FILE,
                    one JSON object per line (to see exactly what the desk would send)
Secrets come from the environment: WRISTDESK_VM_BEARER_TOKEN, WRISTDESK_VM_BASIC_PASSWORD,
WRISTDESK_VM_HEADER_VALUE. With no Venue Manager configured, the app runs on demo data.`;

/** One JSON line per request, written at once so a reader of the file sees it before the answer arrives. */
function demoRequestLog(file: string): NonNullable<Parameters<typeof startCore>[0]['onDemoRequest']> {
  return (request) => appendFileSync(file, `${JSON.stringify(request)}\n`);
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string', default: '4780' },
        'data-dir': { type: 'string' },
        'renderer-dir': { type: 'string' },
        'demo-request-log': { type: 'string' },
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
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${args.port}"`);
    return 2;
  }
  const rendererDir = resolve(args['renderer-dir'] ?? fileURLToPath(new URL('../renderer', import.meta.url)));
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    console.error(`The built renderer is missing in ${rendererDir}. Run "npm run build" first (npm run serve does).`);
    return 1;
  }
  const dataDir = resolve(args['data-dir'] ?? defaultDataDir());
  const requestLog = args['demo-request-log'] === undefined ? undefined : resolve(args['demo-request-log']);
  if (requestLog !== undefined) {
    try {
      appendFileSync(requestLog, '');
    } catch (error) {
      console.error(`--demo-request-log: cannot write ${requestLog}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }

  const core = await startCore({
    dataDir,
    secrets: () => new EnvironmentSecretStore(process.env),
    appVersion: version,
    systemLocale: Intl.DateTimeFormat().resolvedOptions().locale,
    log: consoleLog,
    hid: loadNodeHid,
    ...(requestLog === undefined ? {} : { onDemoRequest: demoRequestLog(requestLog) }),
  });
  let server;
  try {
    server = await startBrowserModeServer({ core, rendererDir, port });
  } catch (error) {
    await core.close();
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    console.error(inUse ? `Port ${port} is in use: pick another with --port.` : String(error));
    return 1;
  }
  console.log(`Wristdesk browser mode (data: ${dataDir})`);
  // Tests and scripts read this line: keep its shape.
  console.log(`Open: ${server.url}`);

  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await server.close();
  await core.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
