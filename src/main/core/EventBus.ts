import type { AnyEvent, EventName, EventPayload } from '../../shared/contract';

/** The core's pushed events, fanned out to every transport that is listening. */
export class EventBus {
  private readonly listeners = new Set<(event: AnyEvent) => void>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const message = { event, payload } as AnyEvent;
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (error) {
        // One broken listener (a closed socket) must not starve the others.
        this.onListenerError(error);
      }
    }
  }

  subscribe(listener: (event: AnyEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
