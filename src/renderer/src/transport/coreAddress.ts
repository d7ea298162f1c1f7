/** The per-start access key of browser mode, carried in the page address as `?key=…`. */
export function readAccessKey(search: string): string | null {
  const key = new URLSearchParams(search).get('key');
  return key === null || key.trim() === '' ? null : key;
}

/** The core's WebSocket endpoint on the same host that served the page. */
export function coreSocketUrl(location: Pick<Location, 'protocol' | 'host'>, key: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws?key=${encodeURIComponent(key)}`;
}
