import { useTranslation } from 'react-i18next';
import { hashForView } from '../../routing/viewHash';
import { viewNames, type ViewName } from '../../store/slices/viewSlice';
import { useAppStore } from '../../store/StoreProvider';

const shortcuts: Partial<Record<ViewName, string>> = { search: '/ Control+F', gate: 'G' };

/** Plain hash links: keyboard-reachable, and the hash is the route. */
export function ViewNavigation() {
  const { t } = useTranslation();
  const view = useAppStore((state) => state.view);
  return (
    <nav className="view-nav" aria-label={t('nav.label')}>
      {viewNames.map((name) => (
        <a
          key={name}
          href={hashForView(name)}
          className="view-nav__link"
          data-testid={`nav-${name}`}
          aria-current={view === name ? 'page' : undefined}
          aria-keyshortcuts={shortcuts[name]}
        >
          {t(`nav.${name}`)}
        </a>
      ))}
    </nav>
  );
}
