import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../shared/settings';

/** Stored values the core could not use: it runs on defaults until someone saves valid ones. */
export function SettingsProblems({ problems }: { problems: SettingsView['problems'] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="banner banner--warn" role="alert" data-testid="settings-problems">
      <span className="banner__icon" aria-hidden="true">
        ▲
      </span>
      <div>
        <strong>{t('settings.problems.title')}</strong>
        <ul>
          {problems.map((problem) => (
            <li key={problem.key}>
              <code>{problem.key}</code>: {problem.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
