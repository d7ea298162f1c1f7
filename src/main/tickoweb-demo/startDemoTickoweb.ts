import type { TickowebConnection } from '../tickoweb/TickowebMirror';
import { WebdavClient } from '../tickoweb/webdav/WebdavClient';
import { generateDemoData } from '../venue-manager-simulator';
import type { SimulatorCustomer } from '../venue-manager-simulator';
import { demoTickowebTree } from './DemoTickowebTree';
import { DemoWebdavServer } from './DemoWebdavServer';
import type { DemoDavRequest } from './DemoWebdavServer';

export interface StartDemoTickowebOptions {
  /** The demo Venue Manager's customers; default `generateDemoData({ seed })`, what the demo simulator serves. */
  customers?: readonly SimulatorCustomer[];
  onRequest?: (request: DemoDavRequest) => void;
}

/**
 * The demo's Tickoweb: the demo tree for the demo Venue Manager data of `seed`, served on
 * 127.0.0.1 (a free port) and read through the real WebdavClient. `close()` closes the client and
 * stops the server.
 */
export async function startDemoTickoweb(seed: number, options: StartDemoTickowebOptions = {}): Promise<TickowebConnection> {
  const customers = options.customers ?? generateDemoData({ seed });
  const server = new DemoWebdavServer(demoTickowebTree(customers, seed), options.onRequest === undefined ? {} : { onRequest: options.onRequest });
  const baseUrl = await server.start(0);
  const client = new WebdavClient({ baseUrl });
  return {
    source: client,
    demo: true,
    close: async () => {
      await client.close();
      await server.stop();
    },
  };
}
