import { useTranslation } from 'react-i18next';
import { hashForView } from '../../routing/viewHash';
import { viewNames, type ViewName } from '../../store/slices/viewSlice';
import { useAppStore } from '../../store/StoreProvider';

const shortcuts: Partial<Record<ViewName, string>> = { search: '/ Control+F', gate: 'G' };

/** Plain hash links: keyboard-reachable, and the hash is the route. */
export function ViewNavigation() {
  const { t } = useTranslation();
  const view = useAppStore((state) => state.view);
  // Conflicts and failures wait for a person: the way to them says how many.
  const needsPerson = useAppStore((state) => (state.outboxSummary === null ? 0 : state.outboxSummary.conflicts + state.outboxSummary.failed));
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
          {name === 'outbox' && needsPerson > 0 && (
            <span className="view-nav__badge" data-testid="nav-outbox-badge" data-count={needsPerson}>
              <span aria-hidden="true">{needsPerson}</span>
              <span className="visually-hidden">{t('outbox.navBadge', { count: needsPerson })}</span>
            </span>
          )}
        </a>
      ))}
    </nav>
  );
}
