import type { WireError } from '../../../../shared/errors';
import type { OwnerMatch } from '../../../../shared/model';
import type { IdentifyState } from '../../store/slices/identifySlice';
import { expectedMatch } from '../owner-match/expectedMatch';
import { tokenState } from '../owner-match/tokenState';

export type GateReason =
  | 'valid'
  | 'blocked'
  | 'blockedQueued'
  | 'blockNeedsPerson'
  | 'inactive'
  | 'invalidated'
  | 'notListed'
  | 'unknown'
  | 'unreadable'
  | 'error';

export type GateVerdict =
  | { verdict: 'waiting' }
  | { verdict: 'checking'; uid: string }
  | { verdict: 'green' | 'red'; uid: string; name: string | null; reason: GateReason; blockedAt?: string | null; error?: WireError };

/**
 * Green only for a valid product whose tapped wristband is active and has no block of it waiting
 * at this desk (queued, or in conflict/failed in the Outbox); everything else is red with the
 * reason. If several products carry the wristband, one that lets the person in wins.
 */
export function gateVerdict(identify: IdentifyState): GateVerdict {
  switch (identify.phase) {
    case 'idle':
      return { verdict: 'waiting' };
    case 'loading':
      return { verdict: 'checking', uid: identify.scan.uid };
    case 'failed':
      return { verdict: 'red', uid: identify.scan.uid, name: null, reason: 'error', error: identify.error };
    case 'unreadable':
      return { verdict: 'red', uid: identify.scan.uid, name: null, reason: 'unreadable' };
    case 'answered':
      break;
  }
  const { result } = identify;
  if (result.kind === 'not-found') return { verdict: 'red', uid: result.uid, name: null, reason: 'unknown' };

  // Venue Manager's form of the UID is what its token list holds.
  const tokenUid = result.matchedAs?.value ?? result.uid;
  // A block queued at this desk stops the band now, not when Venue Manager hears of it.
  const checked = result.matches.map((shown) => {
    const match = expectedMatch(shown);
    const token = match.product.tokens.find((candidate) => candidate.uid === tokenUid);
    const name = match.address.name;
    if (token === undefined) return { verdict: 'red' as const, uid: result.uid, name, reason: 'notListed' as const };
    const state = tokenState(token);
    if (token.pendingChange === 'block') return { verdict: 'red' as const, uid: result.uid, name, reason: 'blockedQueued' as const };
    if (state === 'blocked') return { verdict: 'red' as const, uid: result.uid, name, reason: 'blocked' as const, blockedAt: token.blockedAt };
    if (!match.product.valid) return { verdict: 'red' as const, uid: result.uid, name, reason: 'invalidated' as const };
    if (state === 'inactive') return { verdict: 'red' as const, uid: result.uid, name, reason: 'inactive' as const };
    // A block Venue Manager refused (or that failed) is not expected to apply, but a person meant
    // it: until someone decides in the Outbox, the band is not let in (the safe direction).
    if (blockAwaitsPerson(shown, [tokenUid, result.uid])) {
      return { verdict: 'red' as const, uid: result.uid, name, reason: 'blockNeedsPerson' as const };
    }
    return { verdict: 'green' as const, uid: result.uid, name, reason: 'valid' as const };
  });
  const verdict = checked.find((check) => check.verdict === 'green') ?? checked[0] ?? { verdict: 'red', uid: result.uid, name: null, reason: 'unknown' };
  // Green from this desk's memory while Venue Manager is still being asked: wait for its word.
  // (Red from memory stands: not letting someone in is the safe direction.)
  if (verdict.verdict === 'green' && result.refreshing === true) return { verdict: 'checking', uid: result.uid };
  return verdict;
}

/** Is a block (or the block half of a replace) of one of these UIDs in conflict or failed in the outbox? */
function blockAwaitsPerson(match: OwnerMatch, uids: readonly string[]): boolean {
  const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();
  return (match.pending ?? []).some(({ state, action }) => {
    if (state !== 'conflict' && state !== 'failed') return false;
    if (action.kind !== 'block' && action.kind !== 'replace') return false;
    return action.productId === match.product.id && uids.some((uid) => same(uid, action.uid));
  });
}
