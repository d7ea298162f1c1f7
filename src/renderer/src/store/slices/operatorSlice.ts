import type { OperatorView } from '../../../../shared/actions';
import { toAppError } from '../../transport/toAppError';
import type { SliceCreator } from '../appState';

export interface OperatorSlice {
  /** Who is at the desk; null = nobody, so no action may be started. */
  operator: OperatorView | null;
  /** Asks the core who is signed in (at start and after a reconnect). A failure leaves null. */
  loadOperator: () => Promise<void>;
  /** Rejects with an AppError (OPERATOR_PIN_REQUIRED, OPERATOR_PIN_WRONG, …). */
  signIn: (name: string, pin: string | undefined) => Promise<void>;
  signOut: () => Promise<void>;
}

export const createOperatorSlice: SliceCreator<OperatorSlice> =
  ({ api }) =>
  (set) => ({
    operator: null,
    loadOperator: async () => {
      try {
        set({ operator: await api.invoke('operator.current', {}) });
      } catch {
        // Not knowing is treated as "nobody": the sign-in form stays offered and the core decides.
      }
    },
    signIn: async (name, pin) => {
      try {
        const operator = await api.invoke('operator.signIn', pin === undefined ? { name } : { name, pin });
        set({ operator });
      } catch (error) {
        throw toAppError(error);
      }
    },
    signOut: async () => {
      try {
        await api.invoke('operator.signOut', {});
        set({ operator: null });
      } catch (error) {
        throw toAppError(error);
      }
    },
  });
