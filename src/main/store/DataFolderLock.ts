import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../../shared/errors';

/**
 * One Wristdesk per data folder. The desktop app and `npm run serve` may be pointed at the same
 * folder; two cores on one outbox would each recover the other's in-flight requests at start-up
 * and could send one twice. The lock is a directory next to the database, refreshed every few
 * seconds: a process killed with SIGKILL or a power cut leaves a lock that counts as stale after
 * `staleMs`, so the next start takes it over.
 */
export function lockDataFolder(dataDir: string, options: { staleMs?: number; onLost?: (error: Error) => void } = {}): () => void {
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, 'wristdesk');
  try {
    return lockfile.lockSync(target, {
      realpath: false,
      lockfilePath: join(dataDir, 'wristdesk.lock'),
      stale: options.staleMs ?? 10_000,
      // Default: throw from a timer, i.e. crash. Losing the lock (e.g. the folder vanished) is
      // worth a log line, not the desk.
      onCompromised: options.onLost ?? (() => undefined),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new AppError(
        'DATA_FOLDER_IN_USE',
        `Another Wristdesk is using the data folder ${dataDir}. Close it first, or start this one with another data folder (--data-dir). If Wristdesk just crashed, start again in ${Math.ceil((options.staleMs ?? 10_000) / 1000)} seconds.`,
        { dataDir },
      );
    }
    throw error;
  }
}
