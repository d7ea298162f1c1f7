import { loadNodeHid } from './scanner/loadNodeHid';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, ipcMain, safeStorage } from 'electron';
import type { BrowserWindow } from 'electron';
import { version } from '../../package.json';
import { startCore } from './core/Core';
import type { Core } from './core/Core';
import { consoleLog } from './core/Log';
import { EncryptedSecretStore } from './secrets/EncryptedSecretStore';
import { forwardEvents, registerIpc } from './shell/IpcBridge';
import { createMainWindow, denyAllPermissions } from './shell/MainWindow';
import { safeStorageCipher } from './shell/SafeStorageCipher';
import type { RendererLocation } from './shell/trustedRenderer';

// The Electron shell: creates the window and wires the core to it. All logic lives in the core.
const here = fileURLToPath(new URL('.', import.meta.url));
const location: RendererLocation = {
  ...(!app.isPackaged && process.env.ELECTRON_RENDERER_URL !== undefined
    ? { devServerUrl: process.env.ELECTRON_RENDERER_URL }
    : {}),
  indexFile: join(here, '../renderer/index.html'),
};

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

async function start(): Promise<void> {
  denyAllPermissions();
  core = await startCore({
    dataDir: app.getPath('userData'),
    secrets: (db) => EncryptedSecretStore.open(db, safeStorageCipher(safeStorage, process.platform), Date.now),
    appVersion: version,
    systemLocale: app.getLocale(),
    log: consoleLog,
    hid: loadNodeHid,
  });
  registerIpc(ipcMain, core, location);
  mainWindow = createMainWindow(join(here, '../preload/index.cjs'), location);
  forwardEvents(core, mainWindow.webContents);
}

// One desk, one database writer: a second start only brings the running window forward.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === undefined) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('window-all-closed', () => {
    void (core?.close() ?? Promise.resolve()).finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      consoleLog.error('Wristdesk could not start', error);
      app.exit(1);
    });
}
