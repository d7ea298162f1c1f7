import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/useErrorText';
import { StateMessage } from '../../ui/StateMessage';
import type { SaveOutcome } from './useSettingsForm';

/** What a settings form's last save did; test ids are `${testIdPrefix}-saved|-invalid|-error`. */
export function SaveOutcomeMessage({ outcome, testIdPrefix }: { outcome: SaveOutcome; testIdPrefix: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  switch (outcome.kind) {
    case 'idle':
    case 'saving':
      return null;
    case 'saved':
      return <StateMessage tone="good" testId={`${testIdPrefix}-saved`}>{t('settings.saved')}</StateMessage>;
    case 'unchanged':
      return <StateMessage tone="neutral">{t('settings.unchanged')}</StateMessage>;
    case 'invalid':
      return <StateMessage tone="bad" testId={`${testIdPrefix}-invalid`}>{t('settings.invalid')}</StateMessage>;
    case 'failed':
      return <StateMessage tone="bad" testId={`${testIdPrefix}-error`}>{errorText(outcome.error)}</StateMessage>;
  }
}
