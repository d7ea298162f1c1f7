import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The same folder Electron uses as userData for a product named "Wristdesk", so browser mode and
 * the desktop app on one laptop share settings and data.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Wristdesk');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Wristdesk');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Wristdesk');
}
