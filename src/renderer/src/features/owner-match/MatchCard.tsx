import type { OwnerMatch } from '../../../../shared/model';
import { expectedMatch } from './expectedMatch';
import { ProductActions } from '../actions/ProductActions';
import { TickowebLinks } from '../tickoweb/TickowebLinks';
import { PendingActions } from './PendingActions';
import { OrderDetails } from './OrderDetails';
import { OwnerDetails } from './OwnerDetails';
import { ProductHistory } from './ProductHistory';
import { ProductState } from './ProductState';

/**
 * One digital product and who owns it: owner, state, wristbands, order, the fixes that apply
 * (block, replace, add, comment) and history. Identify shows it for a tapped wristband (`tappedUid`), Search for an opened product (no tap: null).
 * Actions this desk has queued are shown as done, marked pending, and the fixes offered follow them.
 * The owner's Tickoweb orders follow the fixes, when the desk has a Tickoweb mirror.
 */
export function MatchCard({
  match,
  tappedUid,
  primary,
}: {
  match: OwnerMatch;
  tappedUid: string | null;
  primary: boolean;
}) {
  const expected = expectedMatch(match);
  return (
    <article className={primary ? 'match match--primary' : 'match'} data-testid="identify-match">
      <OwnerDetails address={match.address} customerId={match.customerId} primary={primary} />
      <div className="match__columns">
        <ProductState product={expected.product} tappedUid={tappedUid} />
        <OrderDetails orderId={match.orderId} authorizedAt={match.orderAuthorizedAt} />
      </div>
      <PendingActions marks={match.pending ?? []} />
      <ProductActions match={expected} />
      <TickowebLinks match={match} />
      <ProductHistory events={match.product.events} />
    </article>
  );
}
