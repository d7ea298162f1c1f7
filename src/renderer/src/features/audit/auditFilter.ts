import type { AuditFilter } from '../../../../shared/audit';
import type { AuditDraft } from '../../store/slices/auditSlice';

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 24 * 60 * 60 * 1000;

/** How far `timeZone`'s wall clock is ahead of UTC at `at` (ms). */
function zoneOffset(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const wallClock = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wallClock - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a `YYYY-MM-DD` day starts at the venue (epoch ms), or in this computer's zone when
 * the venue's is unusable; null for anything that is not such a day.
 */
export function startOfVenueDay(day: string, timeZone: string | undefined): number | null {
  const match = dayPattern.exec(day);
  if (match === null) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utcMidnight = Date.UTC(year, month - 1, date);
  if (Number.isNaN(utcMidnight)) return null;
  if (timeZone === undefined) return new Date(year, month - 1, date).getTime();
  try {
    // Twice: the offset at the guess may differ from the offset at the answer around a DST change.
    const guess = utcMidnight - zoneOffset(utcMidnight, timeZone);
    return utcMidnight - zoneOffset(guess, timeZone);
  } catch {
    return new Date(year, month - 1, date).getTime();
  }
}

/** `2026-07-04` → `2026-07-05` (an already checked day). */
function dayAfter(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

export type DraftCheck = { ok: true; filter: AuditFilter } | { ok: false; problem: 'dateOrder' };

/** The filter to send: empty fields left out; "to" includes its whole day. */
export function filterFromDraft(draft: AuditDraft, timeZone: string | undefined): DraftCheck {
  const filter: AuditFilter = {};
  const operator = draft.operator.trim();
  const text = draft.text.trim();
  if (operator !== '') filter.operator = operator;
  if (draft.action !== '') filter.action = draft.action;
  if (draft.outcome !== '') filter.outcome = draft.outcome;
  if (text !== '') filter.text = text;
  const from = startOfVenueDay(draft.from, timeZone);
  const toDay = startOfVenueDay(draft.to, timeZone);
  if (from !== null) filter.from = from;
  if (toDay !== null) {
    // The end of that day: the next day's start (which a DST change can move), less 1 ms.
    filter.to = (startOfVenueDay(dayAfter(draft.to), timeZone) ?? toDay + dayMs) - 1;
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) return { ok: false, problem: 'dateOrder' };
  return { ok: true, filter };
}
