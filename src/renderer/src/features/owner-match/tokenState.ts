import type { TokenView } from '../../../../shared/model';

export type TokenState = 'active' | 'blocked' | 'inactive';

/** A block time wins over the active flag: a blocked wristband must never read as usable. */
export function tokenState(token: TokenView): TokenState {
  if (token.blockedAt !== null) return 'blocked';
  return token.active ? 'active' : 'inactive';
}
