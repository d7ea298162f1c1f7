/**
 * `documented`: the error body exactly as the documentation prints it — not strict JSON (the key
 * is unquoted), eight spaces before `error`, four before the brace, a trailing newline; see
 * test/fixtures/venue-manager/error-body.as-documented.txt. Clients must cope with it.
 * `json`: the strict JSON a well-behaved server would send.
 */
export type ErrorBodyStyle = 'documented' | 'json';

export function renderError(style: ErrorBodyStyle, message: string): string {
  return style === 'documented'
    ? `{\n        error: ${JSON.stringify(message)}\n    }\n`
    : JSON.stringify({ error: message });
}

/**
 * Success bodies: two-space indentation and no trailing newline, which reproduces the documented
 * example bodies byte for byte (search-response.json, product-history.json) when the stored
 * objects keep the documented key order.
 */
export function renderJson(value: unknown, origin?: string): string {
  // The demo's images are stored as paths on the simulator; a real server names absolute URLs.
  const absoluteImages = (key: string, field: unknown): unknown =>
    origin !== undefined && key === 'productImageUrl' && typeof field === 'string' && field.startsWith('/') ? origin + field : field;
  return JSON.stringify(value, absoluteImages, 2);
}
