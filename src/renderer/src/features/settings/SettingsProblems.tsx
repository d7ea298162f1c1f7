import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../shared/settings';
import { Banner } from '../../ui/Banner';

/** Stored values the core could not use: it runs on defaults until someone saves valid ones. */
export function SettingsProblems({ problems }: { problems: SettingsView['problems'] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Banner tone="warn" title={t('settings.problems.title')} testId="settings-problems">
      <ul>
        {problems.map((problem) => (
          <li key={problem.key}>
            <code>{problem.key}</code>: {problem.message}
          </li>
        ))}
      </ul>
    </Banner>
  );
}
