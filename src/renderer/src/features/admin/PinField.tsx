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
  newLabel,
  repeatLabel,
  hint,
}: {
  idPrefix: string;
  pin: string;
  repeated: string;
  onPin: (value: string) => void;
  onRepeated: (value: string) => void;
  newLabel: string;
  repeatLabel: string;
  hint: string;
}) {
  return (
    <>
      <PinField id={`${idPrefix}-pin`} label={newLabel} hint={hint} value={pin} onChange={onPin} purpose="new" />
      <PinField id={`${idPrefix}-repeat`} label={repeatLabel} value={repeated} onChange={onRepeated} purpose="new" />
    </>
  );
}
