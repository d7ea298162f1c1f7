import {
  UidByteOrder,
  UidShortening,
  WiegandDisplay,
  type UidEncoding,
  type UidProfile,
} from '../../shared/uidProfile';

/** Every profile the app knows, the prior between them, and how to name one to an admin. */

/** Only a profile that keeps every byte can be decoded to a canonical UID. */
export function isLossless(profile: UidProfile): boolean {
  return profile.shortening === 'none' && profile.encoding !== 'wiegand-26';
}

/**
 * One profile per shape (shortening x byte order x encoding x Wiegand display), in the default
 * style: uppercase hex without separators, decimal without padding or pinned size.
 */
export function profileShapes(): UidProfile[] {
  const shapes: UidProfile[] = [];
  for (const shortening of UidShortening.options) {
    for (const byteOrder of UidByteOrder.options) {
      const pipeline = { shortening, byteOrder };
      shapes.push({ encoding: 'hex', ...pipeline, separator: '', letterCase: 'upper' });
      shapes.push({ encoding: 'decimal', ...pipeline, padTo: 0, uidSize: null });
      for (const display of WiegandDisplay.options) {
        shapes.push({ encoding: 'wiegand-34', ...pipeline, display });
        shapes.push({ encoding: 'wiegand-26', ...pipeline, display });
      }
    }
  }
  return shapes;
}

const shorteningPrior: Record<UidShortening, number> = {
  none: 0,
  // Documented on real cheap readers (notes: TI e2e, hamster wiki); plain truncation is not.
  'cascade-level-1': 1,
  'first-4-bytes': 2,
  'last-4-bytes': 3,
};
const encodingPrior: Record<UidEncoding, number> = { hex: 0, decimal: 1, 'wiegand-34': 2, 'wiegand-26': 3 };

/**
 * How usual a profile is, lower first. Used only to order lists; it never turns a tie between
 * profiles that match equally well into a decision.
 */
export function profilePrior(profile: UidProfile): number {
  const order = profile.byteOrder === 'as-read' ? 0 : 1;
  const display = 'display' in profile && profile.display === 'frame-hex' ? 1 : 0;
  return shorteningPrior[profile.shortening] * 100 + encodingPrior[profile.encoding] * 10 + order * 2 + display;
}

const encodingNames: Record<UidEncoding, string> = {
  hex: 'hex',
  decimal: 'decimal',
  'wiegand-26': 'Wiegand-26',
  'wiegand-34': 'Wiegand-34',
};
const shorteningNames: Record<UidShortening, string> = {
  none: '',
  'cascade-level-1': 'cascade level 1 only (88 + first 3 bytes)',
  'first-4-bytes': 'first 4 bytes only',
  'last-4-bytes': 'last 4 bytes only',
};

/** English, for logs and the calibration screen's details, e.g. "decimal, bytes reversed, zero-padded to 10". */
export function describeProfile(profile: UidProfile): string {
  const parts = [encodingNames[profile.encoding]];
  if (profile.byteOrder === 'reversed') parts.push('bytes reversed');
  if (profile.shortening !== 'none') parts.push(shorteningNames[profile.shortening]);
  switch (profile.encoding) {
    case 'hex':
      if (profile.separator !== '') parts.push(`"${profile.separator}" between bytes`);
      if (profile.letterCase === 'lower') parts.push('lowercase');
      break;
    case 'decimal':
      if (profile.padTo > 0) parts.push(`zero-padded to ${profile.padTo}`);
      if (profile.uidSize !== null) parts.push(`${profile.uidSize}-byte UIDs`);
      break;
    case 'wiegand-26':
    case 'wiegand-34':
      parts.push(profile.display === 'frame-hex' ? 'frame in hex' : 'facility,card');
      break;
  }
  return parts.join(', ');
}
