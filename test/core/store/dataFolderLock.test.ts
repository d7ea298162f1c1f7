import { utimesSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lockDataFolder } from '../../../src/main/store/DataFolderLock';
import { startTestCore } from '../../support/startTestCore';
import { makeTempDir } from '../../support/tempDir';

describe('one Wristdesk per data folder', () => {
  it('a second core on the same folder is refused with a clear reason until the first closes', async () => {
    const first = await startTestCore();
    try {
      expect(() => lockDataFolder(first.dataDir)).toThrow(expect.objectContaining({ code: 'DATA_FOLDER_IN_USE' }) as Error);
      await first.core.close();
      // Released on close: the folder can be used again.
      const release = lockDataFolder(first.dataDir);
      release();
    } finally {
      await first.stop();
    }
  });

  it('a lock left by a killed process is taken over once stale', () => {
    const dir = makeTempDir();
    try {
      lockDataFolder(dir.path, { staleMs: 2000 }); // never released, as after SIGKILL
      expect(() => lockDataFolder(dir.path, { staleMs: 2000 })).toThrow(expect.objectContaining({ code: 'DATA_FOLDER_IN_USE' }) as Error);
      // The holder died long ago: its lock was last refreshed a minute back.
      const old = new Date(Date.now() - 60_000);
      utimesSync(`${dir.path}/wristdesk.lock`, old, old);
      const release = lockDataFolder(dir.path, { staleMs: 2000 });
      release();
    } finally {
      dir.remove();
    }
  });
});
