/** "in 2 days" / "3 hours ago" and the date itself, in the screen's language. */
export function formatExpiry(expiresAt: number, now: number, language: string): { relative: string; date: string } {
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const minutes = Math.round((expiresAt - now) / 60_000);
  const text =
    Math.abs(minutes) < 60
      ? relative.format(minutes, 'minute')
      : Math.abs(minutes) < 48 * 60
        ? relative.format(Math.round(minutes / 60), 'hour')
        : relative.format(Math.round(minutes / (24 * 60)), 'day');
  return { relative: text, date: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(expiresAt) };
}
