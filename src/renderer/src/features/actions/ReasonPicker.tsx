import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider';
import { otherReasonKey, reasonPresets, type ReasonKind } from './reasonPresets';

/**
 * The reason for a block, replace or add: a built-in preset, one this desk typed before, or free
 * text. Every choice just fills the text field, so what is sent is always what staff see.
 */
export function ReasonPicker({ kind, text, onChange }: { kind: ReasonKind; text: string; onChange: (text: string) => void }) {
  const { t } = useTranslation();
  const recent = useAppStore((state) => state.settingsView?.settings.recentReasons[kind] ?? []);
  const field = useRef<HTMLInputElement>(null);
  const presets = reasonPresets[kind].map((key) => t(key));

  const choose = (reason: string) => onChange(reason);
  const other = () => {
    onChange('');
    field.current?.focus();
  };

  return (
    <div className="reason-picker">
      <div className="reason-picker__group" role="group" aria-label={t('actions.presets')}>
        <ReasonChoices reasons={presets} chosen={text} testId="action-reason-preset" onChoose={choose} />
        <button type="button" className="button reason-picker__choice" data-testid="action-reason-other" onClick={other}>
          {t(otherReasonKey[kind])}
        </button>
      </div>
      {recent.length > 0 && (
        <div className="reason-picker__group" role="group" aria-label={t('actions.recent')}>
          <span className="reason-picker__caption">{t('actions.recent')}</span>
          <ReasonChoices reasons={recent} chosen={text} testId="action-reason-recent" onChoose={choose} />
        </div>
      )}
      <label className="field__label" htmlFor="action-reason-text">
        {t('actions.reason')}
      </label>
      <input
        ref={field}
        id="action-reason-text"
        type="text"
        value={text}
        maxLength={200}
        autoComplete="off"
        data-testid="action-reason-text"
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** One button per reason; the one matching the text is shown pressed. */
function ReasonChoices({
  reasons,
  chosen,
  testId,
  onChoose,
}: {
  reasons: readonly string[];
  chosen: string;
  testId: string;
  onChoose: (reason: string) => void;
}) {
  return reasons.map((reason) => (
    <button
      key={reason}
      type="button"
      className="button reason-picker__choice"
      data-testid={testId}
      aria-pressed={chosen === reason}
      onClick={() => onChoose(reason)}
    >
      {reason}
    </button>
  ));
}
