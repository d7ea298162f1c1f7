import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider';
import { hashForView } from '../../routing/viewHash';

/** Plain hash links: keyboard-reachable, and the hash is the route. */
export function ViewNavigation() {
  const { t } = useTranslation();
  const view = useAppStore((state) => state.view);
  return (
    <nav className="view-nav" aria-label={t('nav.label')}>
      <a
        href={hashForView('identify')}
        className="view-nav__link"
        data-testid="nav-identify"
        aria-current={view === 'identify' ? 'page' : undefined}
      >
        {t('nav.identify')}
      </a>
      <a
        href={hashForView('settings')}
        className="view-nav__link"
        data-testid="nav-settings"
        aria-current={view === 'settings' ? 'page' : undefined}
      >
        {t('nav.settings')}
      </a>
    </nav>
  );
}
