import type { ReactNode } from 'react';

type Tone = 'good' | 'bad' | 'neutral';

const icons: Record<Tone, string | null> = { good: '✔', bad: '✖', neutral: null };

/**
 * A one-line outcome ("Saved", "Refused: …"). State is never colour alone: good and bad carry an
 * icon and the words; bad is announced at once (role alert), the rest politely (role status).
 */
export function StateMessage({ tone, testId, children }: { tone: Tone; testId?: string; children: ReactNode }) {
  const icon = icons[tone];
  return (
    <p
      className={`state-line state-line--compact state--${tone}`}
      role={tone === 'bad' ? 'alert' : 'status'}
      data-testid={testId}
    >
      {icon !== null && (
        <span className="state-line__icon" aria-hidden="true">
          {icon}
        </span>
      )}
      {children}
    </p>
  );
}
