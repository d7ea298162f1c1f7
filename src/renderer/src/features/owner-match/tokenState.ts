import type { TokenView } from '../../../../shared/model';
import type { OptimisticToken } from '../../../../shared/optimisticProduct';

export type TokenState = 'active' | 'blocked' | 'inactive';

/**
 * A block time wins over the active flag: a blocked wristband must never read as usable. A block
 * this desk has queued counts as a block: the band must not be let in while the queue waits.
 */
export function tokenState(token: TokenView | OptimisticToken): TokenState {
  if (token.blockedAt !== null || ('pendingChange' in token && token.pendingChange === 'block')) return 'blocked';
  return token.active ? 'active' : 'inactive';
}
