import type { HTMLAttributes, HTMLInputTypeAttribute, KeyboardEventHandler, Ref } from 'react';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Translated message; set when the field failed validation. */
  error?: string | undefined;
  hint?: string | undefined;
  testId?: string | undefined;
  /** Defaults to `<testId>-error`; forms whose messages are found as one group share one id. */
  errorTestId?: string | undefined;
  type?: HTMLInputTypeAttribute;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
  onKeyDown?: KeyboardEventHandler<HTMLInputElement>;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  testId,
  errorTestId,
  type = 'text',
  inputMode,
  autoComplete = 'off',
  onKeyDown,
  ref,
}: TextFieldProps) {
  const describedBy = [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        type={type}
        inputMode={inputMode}
        value={value}
        autoComplete={autoComplete}
        spellCheck={false}
        data-testid={testId}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {hint !== undefined && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error !== undefined && (
        <span className="field__error" id={`${id}-error`} data-testid={errorTestId ?? `${testId ?? id}-error`}>
          <span aria-hidden="true">✖ </span>
          {error}
        </span>
      )}
    </div>
  );
}
