import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider';

/**
 * Replace and Add, first step: the next tap is the new wristband (routeScan hands it to
 * `acceptNewUid`, it is not looked up). The UID can also be typed, e.g. from a band whose chip
 * the reader cannot read but whose UID is printed on it.
 */
export function WaitingForTap({ kind }: { kind: 'replace' | 'add' }) {
  const { t } = useTranslation();
  const acceptNewUid = useAppStore((state) => state.acceptNewUid);
  // Only an unusable read (a random ID) is refused in this step; say so, the wait goes on.
  const refused = useAppStore((state) => state.pendingAction?.refusedTaps ?? 0);
  const [typed, setTyped] = useState('');

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    acceptNewUid(typed);
  };

  return (
    <div className="action-dialog__tap" data-testid={`${kind}-waiting-tap`}>
      <p className="action-dialog__tap-prompt" role="status">
        <span aria-hidden="true">◎ </span>
        {t(`actions.waitingTap.${kind}`)}
      </p>
      <p className="field__hint">{t('actions.waitingTapHint')}</p>
      {refused > 0 && (
        <p className="state-line state-line--compact state--bad" role="alert" data-testid="tap-unusable" data-count={refused}>
          <span className="state-line__icon" aria-hidden="true">
            ✖
          </span>
          {t('identify.unreadable.randomUid')}
        </p>
      )}
      <form className="action-dialog__typed" onSubmit={onSubmit}>
        <label className="field__label" htmlFor="action-typed-uid">
          {t('actions.typeUid')}
        </label>
        <input
          id="action-typed-uid"
          type="text"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          data-testid="action-typed-uid"
          onChange={(event) => setTyped(event.target.value)}
        />
        <button type="submit" className="button" data-testid="action-use-typed-uid" disabled={typed.trim() === ''}>
          {t('actions.useUid')}
        </button>
      </form>
    </div>
  );
}
