// The venue's wall clock is shared with the audit export: one formatter for both.
export { assertTimeZone, formatVenueTime } from '../../shared/venueTime';
