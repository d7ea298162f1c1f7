import type { ReactNode } from 'react';
import type { WireError } from '../../../shared/errors';

/**
 * A view's answer when its request failed: a heading in words and the translated explanation
 * (never a stack or a bare HTTP code), optionally a way to try again.
 */
export function FailureState({
  className,
  testId,
  error,
  title,
  explanation,
  children,
}: {
  className: string;
  testId: string;
  /** Absent when nothing failed in a request (the tap itself was unusable). */
  error?: WireError | undefined;
  title: string;
  explanation: string;
  children?: ReactNode;
}) {
  return (
    <div className={className} role="alert" data-testid={testId} data-code={error?.code}>
      <h1 className="state-heading state--bad">
        <span aria-hidden="true">✖ </span>
        {title}
      </h1>
      <p className="identify__explanation">{explanation}</p>
      {children}
    </div>
  );
}
