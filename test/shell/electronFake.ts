import { vi } from 'vitest';

/**
 * A stand-in for the parts of Electron the shell uses. Electron's binary cannot be downloaded on
 * the build machines, and importing the real module from Node tries to.
 */
type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly sent: { channel: string; payload: unknown }[] = [];
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
}

export class FakeBrowserWindow {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loaded: { file?: string; url?: string } = {};
  constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
    FakeBrowserWindow.created.push(this);
  }
  once(): this {
    return this;
  }
  show(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  loadFile(file: string): Promise<void> {
    this.loaded = { file };
    return Promise.resolve();
  }
  loadURL(url: string): Promise<void> {
    this.loaded = { url };
    return Promise.resolve();
  }
}

export function makeElectronFake(userData: string) {
  const handlers = new Map<string, Listener>();
  const appListeners = new Map<string, Listener>();
  let permissionHandler: Listener | undefined;
  let readyResolve: () => void = () => {};
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  return {
    handlers,
    appListener: (event: string) => appListeners.get(event),
    permission: () => permissionHandler,
    makeReady: () => readyResolve(),
    module: {
      app: {
        isPackaged: true,
        requestSingleInstanceLock: vi.fn(() => true),
        quit: vi.fn(),
        exit: vi.fn(),
        on: vi.fn((event: string, listener: Listener) => appListeners.set(event, listener)),
        whenReady: () => ready,
        getPath: vi.fn(() => userData),
        getLocale: () => 'da-DK',
      },
      ipcMain: {
        handle: vi.fn((channel: string, handler: Listener) => handlers.set(channel, handler)),
        removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
      },
      BrowserWindow: FakeBrowserWindow,
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn((handler: Listener) => (permissionHandler = handler)),
          setPermissionCheckHandler: vi.fn(),
        },
      },
      safeStorage: {
        isAsyncEncryptionAvailable: () => Promise.resolve(true),
        getSelectedStorageBackend: () => 'gnome_libsecret',
        encryptStringAsync: (plain: string) => Promise.resolve(Buffer.from(plain, 'utf8').reverse()),
        decryptStringAsync: (cipher: Buffer) =>
          Promise.resolve({ result: Buffer.from(cipher).reverse().toString('utf8'), shouldReEncrypt: false }),
      },
    },
  };
}
