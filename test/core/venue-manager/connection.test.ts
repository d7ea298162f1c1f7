import { afterEach, describe, expect, it } from 'vitest';
import { EnvironmentSecretStore } from '../../../src/main/secrets/EnvironmentSecretStore';
import { VenueManagerConnection } from '../../../src/main/venue-manager/VenueManagerConnection';
import type { VenueManagerSettings } from '../../../src/shared/settings';
import { startScriptedServer } from '../../support/scriptedServer';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function connection(): VenueManagerConnection {
  const made = new VenueManagerConnection({ secrets: new EnvironmentSecretStore({}), demoSeed: 1, onOutcome: () => {} });
  closers.push(() => made.close());
  return made;
}

const settingsFor = (baseUrl: string): VenueManagerSettings => ({ baseUrl, authMode: 'none', basicUsername: '', headerName: '', historyShowsComments: false });

async function server(delayMs = 0) {
  const started = await startScriptedServer((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[]');
    }, delayMs);
  });
  closers.push(started.close);
  return started;
}

describe('VenueManagerConnection', () => {
  it('two quick saves end on the last one, whatever order the work finishes in', async () => {
    const [a, b] = [await server(), await server()];
    const vm = connection();
    await Promise.all([vm.configure(settingsFor(a.url)), vm.configure(settingsFor('')), vm.configure(settingsFor(b.url))]);
    expect(vm.current().baseUrl).toBe(b.url);
    expect(vm.demo).toBe(false);
    await vm.current().search({ name: 'x' });
    expect(b.seen).toHaveLength(1);
    expect(a.seen).toHaveLength(0);
  });

  it('a lookup in flight while the settings change still gets its answer', async () => {
    const [slow, other] = [await server(300), await server()];
    const vm = connection();
    await vm.configure(settingsFor(slow.url));
    const lookup = vm.current().search({ name: 'x' });
    await vm.configure(settingsFor(other.url));
    await expect(lookup).resolves.toEqual([]);
  });

  it('demo mode starts one simulator and close() stops it', async () => {
    const vm = connection();
    await Promise.all([vm.configure(settingsFor('')), vm.configure({ ...settingsFor(''), authMode: 'bearer' })]);
    expect(vm.demo).toBe(true);
    const demoUrl = vm.current().baseUrl;
    await expect(vm.current().search({ name: 'A*' })).resolves.toBeInstanceOf(Array);
    await vm.close();
    await expect(fetch(`${demoUrl}/products?name=x`)).rejects.toThrow();
  });
});
