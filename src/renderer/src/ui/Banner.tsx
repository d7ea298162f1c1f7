import type { ReactNode } from 'react';

type Tone = 'bad' | 'warn';

const icons: Record<Tone, string> = { bad: '✖', warn: '▲' };

/**
 * A problem that concerns the whole screen, under the status bar: icon, title, detail, and an
 * optional way out. Announced at once (role alert); never colour alone.
 */
export function Banner({
  tone,
  title,
  testId,
  action,
  children,
}: {
  tone: Tone;
  title: string;
  testId: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={`banner banner--${tone}`} role="alert" data-testid={testId}>
      <span className="banner__icon" aria-hidden="true">
        {icons[tone]}
      </span>
      <div>
        <strong>{title}</strong>
        {children}
      </div>
      {action}
    </div>
  );
}
