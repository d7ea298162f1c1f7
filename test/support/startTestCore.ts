import { startCore } from '../../src/main/core/Core';
import type { Core, CoreOptions } from '../../src/main/core/Core';
import { silentLog } from '../../src/main/core/Log';
import { EnvironmentSecretStore } from '../../src/main/secrets/EnvironmentSecretStore';
import { makeTempDir } from './tempDir';

/** A real core on a temp data folder, in demo mode unless settings say otherwise. */
export async function startTestCore(
  env: Record<string, string> = {},
  options: Partial<Omit<CoreOptions, 'dataDir' | 'secrets'>> = {},
): Promise<{ core: Core; dataDir: string; stop: () => Promise<void> }> {
  const dir = makeTempDir();
  const core = await startCore({
    dataDir: dir.path,
    secrets: () => new EnvironmentSecretStore(env),
    appVersion: '0.0.0-test',
    systemLocale: 'en-US',
    log: silentLog,
    now: () => Date.UTC(2026, 6, 4, 12, 0, 0),
    // Scheduled Tickoweb syncs would run in the background of every test; the tests that test them turn them on.
    tickowebAutoSync: false,
    ...options,
  });
  return {
    core,
    dataDir: dir.path,
    stop: async () => {
      await core.close();
      dir.remove();
    },
  };
}
