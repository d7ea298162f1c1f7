export { Outbox } from './Outbox';
export type { Actor, OutboxDeps, OutboxSummary, Settlement } from './Outbox';
export { OutboxReplayer } from './OutboxReplayer';
export type { OutboxClient, OutboxProgress, OutboxReplayerOptions } from './OutboxReplayer';
export { openStates, orderingKeys } from './OutboxItem';
export type { OutboxAction, OutboxItem, OutboxOutcome, OutboxState } from './OutboxItem';
export { backoffDelay, defaultBackoff, retryAfterMs } from './Backoff';
export type { BackoffPolicy } from './Backoff';
export { commentCount, endStateReached, productFromHistory } from './EndState';
