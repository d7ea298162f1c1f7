import { z } from 'zod';

const text = z.string().trim().min(1).max(200).optional();
const numericId = z
  .string()
  .trim()
  .regex(/^\d{1,15}$/, 'digits only')
  .optional();

/** The ten criteria of Venue Manager's product search; ids are kept as digit strings (exact). */
export const SearchCriteria = z
  .object({
    name: text,
    company: text,
    street: text,
    email: text,
    customerId: numericId,
    orderId: numericId,
    tokenUid: text,
    barcode: text,
    quick_search: text,
    festiwebPersonId: numericId,
  })
  .strict()
  .refine((c) => Object.values(c).some((v) => typeof v === 'string'), {
    message: 'at least one search criterion is needed',
    params: { code: 'VM_NO_CRITERIA' },
  })
  .refine((c) => c.street === undefined || c.name !== undefined || c.company !== undefined, {
    message: 'street can only be searched together with name or company',
    path: ['street'],
  });
export type SearchCriteria = z.infer<typeof SearchCriteria>;

/** Query parameter order as documented, so requests read like the documentation's example. */
export const searchCriteriaOrder = [
  'name',
  'company',
  'street',
  'email',
  'customerId',
  'orderId',
  'tokenUid',
  'barcode',
  'quick_search',
  'festiwebPersonId',
] as const satisfies readonly (keyof SearchCriteria)[];
