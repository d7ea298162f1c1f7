import type { HTMLInputTypeAttribute } from 'react';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Translated message; set when the field failed validation. */
  error?: string | undefined;
  hint?: string | undefined;
  testId?: string | undefined;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
}

export function TextField({ id, label, value, onChange, error, hint, testId, type = 'text', autoComplete = 'off' }: TextFieldProps) {
  const describedBy = [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        spellCheck={false}
        data-testid={testId}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint !== undefined && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error !== undefined && (
        <span className="field__error" id={`${id}-error`} data-testid={`${testId ?? id}-error`}>
          <span aria-hidden="true">✖ </span>
          {error}
        </span>
      )}
    </div>
  );
}
