import type { DecimalUidProfile, UidFormatCalibration } from '../../shared/uidProfile';
import { parseCanonicalUid } from './canonicalUid';
import { decode } from './uidCodec';
import { fail, succeed } from './uidResult';
import type { UidResult } from './uidResult';

const plainDecimal: DecimalUidProfile = { encoding: 'decimal', shortening: 'none', byteOrder: 'as-read', padTo: 0, uidSize: null };

/**
 * The UID a reader's text stands for. A calibrated reader is decoded with its profile; an
 * uncalibrated one by the common cases — hex of a whole UID, else a decimal number — and failing
 * both, the text itself is passed on (the lookup then searches it as it is). A chip's random ID
 * is refused either way: it changes at every tap and can identify nothing.
 */
export function readerUid(raw: string, format: UidFormatCalibration): UidResult<string> {
  const text = raw.trim();
  if (text === '') return fail('empty', 'The reader sent nothing');
  if (format.state === 'calibrated') {
    const decoded = decode(text, format.profile);
    if (!decoded.ok) return decoded;
    // A shortened reading cannot be made whole: it is passed on as read, for a verbatim search.
    return succeed(decoded.value.kind === 'full' ? decoded.value.uid : text.toUpperCase());
  }
  const hex = parseCanonicalUid(text);
  if (hex.ok || hex.reason === 'random-uid') return hex;
  if (/^\d+$/.test(text)) {
    const decimal = decode(text, plainDecimal);
    if (decimal.ok && decimal.value.kind === 'full') return succeed(decimal.value.uid);
    if (!decimal.ok && decimal.reason === 'random-uid') return decimal;
  }
  return succeed(text.toUpperCase());
}
