import { useAppStore } from '../../store/StoreProvider';
import { TickowebSearchPanel } from '../tickoweb/TickowebSearchPanel';
import { tickowebInUse } from '../tickoweb/tickowebState';
import { OpenedProductView } from './OpenedProductView';
import { SearchForm } from './SearchForm';
import { SearchResults } from './SearchResults';

/**
 * Search: the form and the hits, or one opened hit in their place (Escape comes back). With a
 * Tickoweb mirror, its orders for the same text are shown beside Venue Manager's hits.
 */
export function SearchView() {
  const opened = useAppStore((state) => state.openedProduct);
  const tickowebOrders = useAppStore((state) => (tickowebInUse(state.tickowebSummary) ? state.tickowebSummary.orders : null));
  if (opened !== null) return <OpenedProductView opened={opened} />;
  if (tickowebOrders === null) {
    return (
      <div className="search">
        <SearchForm />
        <SearchResults />
      </div>
    );
  }
  return (
    <div className="search search--with-tickoweb">
      <SearchForm />
      <div className="search__answers">
        <SearchResults />
        <TickowebSearchPanel orders={tickowebOrders} />
      </div>
    </div>
  );
}
