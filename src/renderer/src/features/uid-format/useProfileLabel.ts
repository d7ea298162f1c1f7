import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { UidProfile } from '../../../../shared/uidProfile';

/** "decimal, bytes reversed" — a UID profile in the admin's language. */
export function useProfileLabel(): (profile: UidProfile) => string {
  const { t } = useTranslation();
  return useCallback(
    (profile) => {
      const parts = [t(`uidFormat.encoding.${profile.encoding}`)];
      if (profile.byteOrder === 'reversed') parts.push(t('uidFormat.reversed'));
      if (profile.shortening !== 'none') parts.push(t(`uidFormat.shortening.${profile.shortening}`));
      if (profile.encoding === 'hex' && profile.separator !== '') parts.push(t('uidFormat.separator', { separator: profile.separator }));
      if (profile.encoding === 'hex' && profile.letterCase === 'lower') parts.push(t('uidFormat.lowercase'));
      if (profile.encoding === 'wiegand-26' || profile.encoding === 'wiegand-34') parts.push(t(`uidFormat.display.${profile.display}`));
      if (profile.encoding === 'decimal' && profile.padTo > 0) parts.push(t('uidFormat.padTo', { digits: profile.padTo }));
      return parts.join(', ');
    },
    [t],
  );
}
