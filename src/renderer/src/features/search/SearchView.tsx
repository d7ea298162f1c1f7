import { useAppStore } from '../../store/StoreProvider';
import { OpenedProductView } from './OpenedProductView';
import { SearchForm } from './SearchForm';
import { SearchResults } from './SearchResults';

/** Search: the form and the hits, or one opened hit in their place (Escape comes back). */
export function SearchView() {
  const opened = useAppStore((state) => state.openedProduct);
  if (opened !== null) return <OpenedProductView opened={opened} />;
  return (
    <div className="search">
      <SearchForm />
      <SearchResults />
    </div>
  );
}
