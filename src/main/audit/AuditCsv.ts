import { stringify } from 'csv-stringify/sync';
import type { AuditEntry } from '../../shared/audit';
import { formatVenueTime } from '../../shared/venueTime';

const columns = [
  'id',
  'time',
  'finished',
  'operator',
  'desk',
  'action',
  'product',
  'uid',
  'new_uid',
  'reason_or_comment',
  'outcome',
  'error_code',
  'server_message',
] as const;

/**
 * The audit as CSV for the festival office: a header row, times as "YYYY-MM-DD HH:MM:SS" in the
 * venue's time zone (named in the header), and every cell that a spreadsheet would run as a
 * formula (a reason typed as "=HYPERLINK(…)") prefixed with an apostrophe.
 */
export function auditCsv(entries: Iterable<AuditEntry>, timeZone: string): { csv: string; rows: number } {
  const time = venueClock(timeZone);
  const records: string[][] = [];
  for (const entry of entries) {
    records.push(
      [
        String(entry.id),
        time(entry.at),
        entry.finishedAt === null ? '' : time(entry.finishedAt),
        entry.operator,
        entry.desk,
        entry.action,
        String(entry.productId),
        entry.uid ?? '',
        entry.newUid ?? '',
        entry.reason ?? '',
        entry.outcome ?? 'open',
        entry.errorCode ?? '',
        entry.serverMessage ?? '',
      ].map(inert),
    );
  }
  const header = columns.map((name) => (name === 'time' || name === 'finished' ? `${name} (${timeZone})` : name));
  // A BOM so spreadsheet programs read the names' æ, ø and ĳ as UTF-8.
  return { csv: `\uFEFF${stringify([header, ...records], { record_delimiter: 'windows' })}`, rows: records.length };
}

function inert(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function venueClock(timeZone: string): (epochMs: number) => string {
  return (epochMs) => formatVenueTime(new Date(epochMs), timeZone);
}
