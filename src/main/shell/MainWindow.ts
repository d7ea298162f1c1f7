import { BrowserWindow, session } from 'electron';
import type { RendererLocation } from './trustedRenderer';
import { isTrustedRendererUrl } from './trustedRenderer';

/**
 * The one window: sandboxed, isolated, no Node, and it can go nowhere but our own page.
 */
export function createMainWindow(preloadPath: string, location: RendererLocation): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#111418',
    title: 'Wristdesk',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  });

  const contents = window.webContents;
  // Links and window.open never open anything inside the app.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedRendererUrl(url, location)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedRendererUrl(url, location)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());

  if (location.devServerUrl !== undefined) void window.loadURL(location.devServerUrl);
  else void window.loadFile(location.indexFile);
  return window;
}

/** Electron grants every permission by default; Wristdesk needs none of them. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
