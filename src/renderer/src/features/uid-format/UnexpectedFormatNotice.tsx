import { useTranslation } from 'react-i18next';
import type { IdentifyResult } from '../../../../shared/model';
import { useProfileLabel } from './useProfileLabel';

type MatchedAs = NonNullable<Extract<IdentifyResult, { kind: 'found' }>['matchedAs']>;

/** The band was found, but only under another form of its UID: the volunteer carries on, the admin must calibrate. */
export function UnexpectedFormatNotice({ matchedAs }: { matchedAs: MatchedAs }) {
  const { t } = useTranslation();
  const profileLabel = useProfileLabel();
  if (matchedAs.expected) return null;
  return (
    <p className="state-line state-line--compact state--warn" role="status" data-testid="identify-unexpected-format">
      <span className="state-line__icon" aria-hidden="true">
        ▲
      </span>
      {t('uidFormat.foundAs', { value: matchedAs.value, profile: profileLabel(matchedAs.profile) })}
    </p>
  );
}
