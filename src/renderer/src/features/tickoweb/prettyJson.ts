/** A received file pretty-printed for "show raw JSON"; text that is no JSON is shown as it came. */
export function prettyJson(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}
