import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../src/shared/ipc';
import { makeTempDir } from '../support/tempDir';
import { FakeBrowserWindow, makeElectronFake } from './electronFake';

const userData = makeTempDir();
const fake = makeElectronFake(userData.path);
vi.mock('electron', () => fake.module);

afterAll(() => userData.remove());

type InvokeHandler = (event: { senderFrame: { url: string; parent: unknown } | null }, method: unknown, params: unknown) => Promise<unknown>;

describe('Electron main wiring (mocked electron)', async () => {
  await import('../../src/main/index');
  fake.makeReady();
  await vi.waitFor(() => {
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });
  const window = FakeBrowserWindow.created[0]!;
  const indexFile = window.loaded.file!;
  const ownUrl = pathToFileURL(indexFile).href;
  const invoke = fake.handlers.get(ipcChannels.invoke) as InvokeHandler;

  it('opens one sandboxed, isolated window with our preload and the built renderer', () => {
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(String(window.options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(indexFile).toMatch(/renderer[\\/]index\.html$/);
  });

  it('answers contract requests from our page', async () => {
    const outcome = await invoke({ senderFrame: { url: ownUrl, parent: null } }, 'app.info', {});
    expect(outcome).toMatchObject({ ok: true, result: { name: 'Wristdesk', demo: true, systemLocale: 'da-DK' } });
  });

  it('refuses other frames, sub-frames and bad arguments', async () => {
    await expect(invoke({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    await expect(invoke({ senderFrame: { url: ownUrl, parent: {} } }, 'app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    await expect(invoke({ senderFrame: null }, 'app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    await expect(invoke({ senderFrame: { url: ownUrl, parent: null } }, 42, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    await expect(invoke({ senderFrame: { url: ownUrl, parent: null } }, 'identify.lookup', { uid: '' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
  });

  it('pushes core events to the window', async () => {
    await invoke({ senderFrame: { url: ownUrl, parent: null } }, 'reader.virtualTap', { uid: '04AABBCCDDEEFF' });
    expect(window.webContents.sent).toContainEqual({
      channel: ipcChannels.event,
      payload: { event: 'scan', payload: expect.objectContaining({ uid: '04AABBCCDDEEFF' }) as unknown },
    });
  });

  it('refuses navigation away, new windows and every permission', () => {
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const away = { preventDefault: vi.fn() };
    window.webContents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { preventDefault: vi.fn() };
    window.webContents.emit('will-navigate', home, ownUrl);
    expect(home.preventDefault).not.toHaveBeenCalled();
    const decision = vi.fn();
    fake.permission()?.({}, 'media', decision);
    expect(decision).toHaveBeenCalledWith(false);
  });

  it('a second start brings the running window forward', () => {
    const focus = vi.spyOn(window, 'focus');
    const secondInstance = fake.appListener('second-instance');
    expect(secondInstance).toBeDefined();
    secondInstance!();
    expect(focus).toHaveBeenCalled();
  });

  it('keeps secrets as safeStorage ciphertext', async () => {
    await invoke({ senderFrame: { url: ownUrl, parent: null } }, 'admin.setPin', { pin: '2468' });
    await invoke({ senderFrame: { url: ownUrl, parent: null } }, 'secrets.set', { name: 'venueManager.bearerToken', value: 'tok-SECRET-42' });
    const view = (await invoke({ senderFrame: { url: ownUrl, parent: null } }, 'settings.get', {})) as {
      result: { secrets: Record<string, { set: boolean }>; secretStore: { kind: string } };
    };
    expect(view.result.secretStore.kind).toBe('safeStorage');
    expect(view.result.secrets['venueManager.bearerToken']).toEqual({ set: true });
    const { default: Sqlite } = await import('better-sqlite3');
    const db = new Sqlite(join(userData.path, 'wristdesk.sqlite'), { readonly: true });
    const stored = db.prepare("SELECT value FROM settings WHERE key = 'secret:venueManager.bearerToken'").pluck().get() as string;
    db.close();
    // What is stored is exactly what safeStorage produced (the fake reverses the bytes).
    const { ciphertext } = JSON.parse(stored) as { ciphertext: string };
    expect(Buffer.from(ciphertext, 'base64')).toEqual(Buffer.from('tok-SECRET-42').reverse());
    expect(Buffer.from(ciphertext, 'base64').toString()).not.toContain('tok-SECRET-42');
  });
});
