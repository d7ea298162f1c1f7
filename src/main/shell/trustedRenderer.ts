import { pathToFileURL } from 'node:url';

/** Where our renderer is loaded from: the dev server in development, else the packaged file. */
export interface RendererLocation {
  devServerUrl?: string;
  indexFile: string;
}

/**
 * True only for our own top-level page. Used for IPC sender checks and navigation: any other
 * frame or URL (an iframe, a navigated-away page) gets nothing.
 */
export function isTrustedRendererUrl(url: string, location: RendererLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.devServerUrl !== undefined) {
    return parsed.origin === new URL(location.devServerUrl).origin;
  }
  const index = pathToFileURL(location.indexFile);
  return parsed.protocol === 'file:' && parsed.pathname === index.pathname;
}
