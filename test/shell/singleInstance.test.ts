import { afterAll, expect, it, vi } from 'vitest';
import { makeTempDir } from '../support/tempDir';
import { FakeBrowserWindow, makeElectronFake } from './electronFake';

const userData = makeTempDir();
const fake = makeElectronFake(userData.path);
fake.module.app.requestSingleInstanceLock.mockReturnValue(false);
vi.mock('electron', () => fake.module);

afterAll(() => userData.remove());

it('a second start quits without opening the database or a window', async () => {
  const before = FakeBrowserWindow.created.length;
  await import('../../src/main/index');
  fake.makeReady();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(fake.module.app.quit).toHaveBeenCalled();
  expect(fake.module.ipcMain.handle).not.toHaveBeenCalled();
  expect(FakeBrowserWindow.created.length).toBe(before);
  expect(fake.module.app.getPath).not.toHaveBeenCalled();
});
