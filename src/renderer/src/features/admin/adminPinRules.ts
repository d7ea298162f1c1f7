import { AdminPin } from '../../../../shared/admin';

export type PinProblem = 'invalid' | 'mismatch';

/** Checked on screen first, so a typo is explained in words rather than refused by the core. */
export function newPinProblem(pin: string, repeated: string): PinProblem | null {
  if (!AdminPin.safeParse(pin).success) return 'invalid';
  return pin === repeated ? null : 'mismatch';
}
