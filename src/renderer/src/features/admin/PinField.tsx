import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField';

/** A PIN input: masked, digits keyboard on touch screens, and the browser told whether it is new. */
export function PinField({
  id,
  label,
  hint,
  value,
  onChange,
  purpose,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  purpose: 'new' | 'current';
}) {
  return (
    <TextField
      id={id}
      label={label}
      hint={hint}
      type="password"
      inputMode="numeric"
      autoComplete={purpose === 'new' ? 'new-password' : 'current-password'}
      value={value}
      onChange={onChange}
      testId={id}
    />
  );
}

/** A new PIN typed twice, so a slip of the finger does not lock the admin out. */
export function NewPinFields({
  idPrefix,
  pin,
  repeated,
  onPin,
  onRepeated,
}: {
  idPrefix: string;
  pin: string;
  repeated: string;
  onPin: (value: string) => void;
  onRepeated: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PinField id={`${idPrefix}-pin`} label={t('admin.newPin')} hint={t('admin.pinHint')} value={pin} onChange={onPin} purpose="new" />
      <PinField id={`${idPrefix}-repeat`} label={t('admin.repeatPin')} value={repeated} onChange={onRepeated} purpose="new" />
    </>
  );
}
