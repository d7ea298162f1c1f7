import { useTranslation } from 'react-i18next';
import { ErrorCode } from '../../../../shared/errors';
import { useErrorText } from '../../i18n/useErrorText';

/** Venue Manager's own refusals carry its words; every other code is Wristdesk's and its message is English for the logs. */
export function isVenueManagerCode(code: string): boolean {
  return code.startsWith('VM_');
}

/**
 * The last problem of a queued action: Venue Manager's words quoted as they are (with what to
 * do, when `explain`), or, for Wristdesk's own codes (network, time-out, …), the explanation in
 * the desk's language, never presented as the server's words.
 */
export function LastErrorWords({ error, explain }: { error: { code: string; message: string }; explain: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const known = ErrorCode.safeParse(error.code);

  if (isVenueManagerCode(error.code)) {
    return (
      <div className="outbox-view__server" data-testid="outbox-server-words" data-code={error.code}>
        <p>
          {t('outbox.serverSaid')} <q className="outbox-view__quote">{error.message}</q>
        </p>
        {explain && known.success && <p className="field__hint">{errorText({ code: known.data })}</p>}
      </div>
    );
  }
  return (
    <div className="outbox-view__server outbox-view__server--ours" data-testid="outbox-our-words" data-code={error.code}>
      <p>
        {t('outbox.ourWords')} {known.success ? errorText({ code: known.data }) : <code>{error.code}</code>}
      </p>
    </div>
  );
}
