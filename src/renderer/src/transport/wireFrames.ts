import {
  WireEvent,
  WireResponse,
  events,
  methods,
  type AnyEvent,
  type EventName,
  type MethodName,
  type Result,
} from '../../../shared/contract';
import { AppError } from '../../../shared/errors';

/** What one incoming WebSocket message turned out to be. */
export type IncomingFrame =
  | { kind: 'response'; frame: WireResponse }
  | { kind: 'event'; event: AnyEvent }
  | { kind: 'invalid'; reason: string; requestId?: number };

/** Classifies and validates one raw message from the core; never throws. */
export function parseIncomingFrame(data: unknown): IncomingFrame {
  if (typeof data !== 'string') return { kind: 'invalid', reason: 'not a text frame' };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { kind: 'invalid', reason: 'not JSON' };
  }
  if (typeof json !== 'object' || json === null) return { kind: 'invalid', reason: 'not an object' };

  if ('id' in json) {
    const response = WireResponse.safeParse(json);
    if (response.success) return { kind: 'response', frame: response.data };
    // A malformed answer to a request we are waiting for must fail that request, not leave it hanging.
    const requestId = typeof json.id === 'number' ? json.id : undefined;
    return requestId === undefined
      ? { kind: 'invalid', reason: 'malformed response' }
      : { kind: 'invalid', reason: 'malformed response', requestId };
  }

  const event = parseEvent(json);
  return typeof event === 'string' ? { kind: 'invalid', reason: event } : { kind: 'event', event };
}

/** An event from the preload bridge, validated as strictly as one from the socket. */
export function parseIncomingEvent(raw: unknown): AnyEvent | undefined {
  const event = parseEvent(raw);
  return typeof event === 'string' ? undefined : event;
}

/** The event, or why it is not one. */
function parseEvent(json: unknown): AnyEvent | string {
  const frame = WireEvent.safeParse(json);
  if (!frame.success) return 'neither a response nor an event';
  if (!isEventName(frame.data.event)) return `unknown event ${frame.data.event}`;
  const payload = events[frame.data.event].safeParse(frame.data.payload);
  if (!payload.success) return `invalid payload for event ${frame.data.event}`;
  // The schema lookup is keyed by the same name, so name and payload correspond.
  return { event: frame.data.event, payload: payload.data } as AnyEvent;
}

/** Checks a result against the contract; a mismatch means core and renderer disagree. */
export function parseResult<M extends MethodName>(method: M, raw: unknown): Result<M> {
  const parsed = methods[method].result.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('INTERNAL', `The core answered ${method} with a result that does not match the contract`, {
      method,
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    });
  }
  // safeParse on a schema picked by a generic key yields the union of all results.
  return parsed.data as Result<M>;
}

function isEventName(value: string): value is EventName {
  return Object.prototype.hasOwnProperty.call(events, value);
}
