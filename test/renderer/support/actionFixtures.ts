import type { Result } from '../../../src/shared/contract';
import type { OwnerMatch } from '../../../src/shared/model';
import type { Handlers } from './FakeApi';
import { ownerMatch } from './fixtures';

export const tappedUid = '04A2B3C4D5E6C1';

/** Handlers for a desk where Anna is signed in and a tap finds Mette Hansen's product. */
export function signedInDesk(match: OwnerMatch = ownerMatch('Mette Hansen', tappedUid)): Handlers {
  return {
    'operator.current': () => ({ name: 'Anna', since: 1 }),
    'identify.lookup': ({ uid }) => ({ kind: 'found', uid, matches: [match], fetchedAt: 1 }),
  };
}

/** The product as the server shows it after `uid` was blocked. */
export function blockedIn(match: OwnerMatch, uid: string): OwnerMatch {
  return {
    ...match,
    product: {
      ...match.product,
      tokens: match.product.tokens.map((token) =>
        token.uid === uid ? { ...token, active: false, blockedAt: '2025-06-30 10:00:00' } : token,
      ),
    },
  };
}

/** Mette's product with no active wristband (so Add applies). */
export function withoutActiveToken(match: OwnerMatch): OwnerMatch {
  return blockedIn(match, tappedUid);
}

export function actionResult(match: OwnerMatch, outcome: 'done' | 'queued' = 'done'): Result<'actions.block'> {
  return { outcome, outboxId: 'item-7', match, auditId: 7 };
}
