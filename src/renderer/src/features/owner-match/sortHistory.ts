import type { ProductEventView } from '../../../../shared/model';

/**
 * Newest first. Venue times are "YYYY-MM-DD HH:MM:SS" wall-clock strings, which sort correctly
 * as text (no zone to convert); events without a time go last, in their original order.
 */
export function sortHistoryNewestFirst(events: readonly ProductEventView[]): ProductEventView[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => {
      if (a.event.time === b.event.time) return a.index - b.index;
      if (a.event.time === null) return 1;
      if (b.event.time === null) return -1;
      return a.event.time < b.event.time ? 1 : -1;
    })
    .map(({ event }) => event);
}
