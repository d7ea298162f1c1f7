import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** The reasons the mirror gives for refusing a file; any other is shown as it came. */
const knownReasons = {
  'not-json': 'tickoweb.quarantine.reason.notJson',
  'not-an-object': 'tickoweb.quarantine.reason.notAnObject',
  'too-large': 'tickoweb.quarantine.reason.tooLarge',
  'unexpected-types': 'tickoweb.quarantine.reason.unexpectedTypes',
  missing: 'tickoweb.quarantine.reason.missing',
} as const;

function isKnown(reason: string): reason is keyof typeof knownReasons {
  return Object.prototype.hasOwnProperty.call(knownReasons, reason);
}

/** Why a file was refused, in the desk's language. */
export function useQuarantineReason(): (reason: string) => string {
  const { t } = useTranslation();
  return useCallback((reason) => (isKnown(reason) ? t(knownReasons[reason]) : reason), [t]);
}
