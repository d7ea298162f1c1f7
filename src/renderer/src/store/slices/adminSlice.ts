import type { AdminStatus } from '../../../../shared/admin';
import { toAppError } from '../../transport/toAppError';
import type { SliceCreator } from '../appState';

export interface AdminSlice {
  /** From `admin.status` at start, then every `admin` event: whether the PIN is set, and unlocked. */
  admin: AdminStatus | null;
  setAdmin: (status: AdminStatus) => void;
  /** Each rejects with an AppError (ADMIN_PIN_WRONG, ADMIN_PIN_THROTTLED, …). */
  setAdminPin: (pin: string, currentPin?: string) => Promise<void>;
  unlockAdmin: (pin: string) => Promise<void>;
  /** Locks again; a failure is harmless (the core locks by itself after idle minutes). */
  lockAdmin: () => Promise<void>;
}

export const createAdminSlice: SliceCreator<AdminSlice> =
  ({ api }) =>
  (set) => {
    const remember = async (request: Promise<AdminStatus>): Promise<void> => {
      try {
        set({ admin: await request });
      } catch (error) {
        throw toAppError(error);
      }
    };
    return {
      admin: null,
      setAdmin: (admin) => set({ admin }),
      setAdminPin: (pin, currentPin) =>
        remember(api.invoke('admin.setPin', currentPin === undefined ? { pin } : { pin, currentPin })),
      unlockAdmin: (pin) => remember(api.invoke('admin.unlock', { pin })),
      lockAdmin: async () => {
        await remember(api.invoke('admin.lock', {})).catch(() => undefined);
      },
    };
  };
