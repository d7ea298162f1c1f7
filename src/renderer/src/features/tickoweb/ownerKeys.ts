import type { OwnerMatch } from '../../../../shared/model';
import type { TickowebOwnerKeys } from '../../store/slices/tickowebSlice';

/** The contract's limits per value: a longer one could never match and would refuse the whole request. */
const maxLength = { emails: 320, names: 200, phones: 50, barcodes: 100 } as const;

function values(value: string | null, limit: number): string[] {
  const text = value?.trim() ?? '';
  return text === '' || text.length > limit ? [] : [text];
}

/**
 * What a wristband owner is looked for by in the mirror: the owner's e-mail, name and phone, and
 * the product's barcode (a print@home ticket's barcode is the Tickoweb ticket's). Token UIDs are
 * not sent: they are the chip's, never a Tickoweb barcode.
 */
export function ownerKeys(match: OwnerMatch): TickowebOwnerKeys {
  return {
    emails: values(match.address.email, maxLength.emails),
    names: values(match.address.name, maxLength.names),
    phones: values(match.address.phone, maxLength.phones),
    barcodes: values(match.product.barcode, maxLength.barcodes),
  };
}

export function hasOwnerKeys(keys: TickowebOwnerKeys): boolean {
  return keys.emails.length + keys.names.length + keys.phones.length + keys.barcodes.length > 0;
}
