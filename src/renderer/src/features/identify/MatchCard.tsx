import type { OwnerMatch } from '../../../../shared/model';
import { OrderDetails } from './OrderDetails';
import { OwnerDetails } from './OwnerDetails';
import { ProductHistory } from './ProductHistory';
import { ProductState } from './ProductState';

/** One product that carries the tapped wristband: who owns it, its state, its order and history. */
export function MatchCard({ match, tappedUid, primary }: { match: OwnerMatch; tappedUid: string; primary: boolean }) {
  return (
    <article className={primary ? 'match match--primary' : 'match'} data-testid="identify-match">
      <OwnerDetails address={match.address} customerId={match.customerId} primary={primary} />
      <div className="match__columns">
        <ProductState product={match.product} tappedUid={tappedUid} />
        <OrderDetails orderId={match.orderId} authorizedAt={match.orderAuthorizedAt} />
      </div>
      <ProductHistory events={match.product.events} />
    </article>
  );
}
