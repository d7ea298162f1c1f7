import { z } from 'zod';

export const AdminPin = z.string().regex(/^\d{4,12}$/, '4 to 12 digits');

export const AdminStatus = z.object({
  /** False until the first run's admin chose a PIN: until then nothing admin-only can be done. */
  pinSet: z.boolean(),
  unlocked: z.boolean(),
  /** Epoch ms when an unlocked session locks itself unless used again. */
  unlockedUntil: z.number().optional(),
  /** Epoch ms before which no PIN is tried, after too many wrong ones. */
  throttledUntil: z.number().optional(),
});
export type AdminStatus = z.infer<typeof AdminStatus>;

export const SetAdminPinRequest = z
  .object({
    pin: AdminPin,
    /** Needed to change a PIN that is already set, even while unlocked. */
    currentPin: AdminPin.optional(),
  })
  .strict();
export type SetAdminPinRequest = z.infer<typeof SetAdminPinRequest>;

export const UnlockAdminRequest = z.object({ pin: AdminPin }).strict();
