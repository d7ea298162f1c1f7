import type { AnyEvent, MethodName, Params, Result, WristdeskApi } from '../../../src/shared/contract';
import { AppError } from '../../../src/shared/errors';
import { Settings } from '../../../src/shared/settings';
import type { SettingsView } from '../../../src/shared/settings';
import { appInfo, settingsView, status } from './fixtures';

type Handler<M extends MethodName> = (params: Params<M>) => Result<M> | Promise<Result<M>>;
export type Handlers = { [M in MethodName]?: Handler<M> };

/**
 * An in-memory core: answers requests from replaceable handlers, records every call, and
 * pushes events to subscribers like the real transports do.
 */
export class FakeApi implements WristdeskApi {
  readonly calls: { method: MethodName; params: unknown }[] = [];
  private readonly listeners = new Set<(event: AnyEvent) => void>();
  private view: SettingsView;
  readonly handlers: Handlers;

  constructor(options: { settings?: SettingsView; handlers?: Handlers } = {}) {
    this.view = options.settings ?? settingsView();
    this.handlers = {
      'app.info': () => appInfo,
      'status.get': () => status(),
      'settings.get': () => this.view,
      // Nobody at the desk unless a test signs someone in.
      'operator.current': () => null,
      // An admin PIN exists and is unlocked unless a test says otherwise.
      'admin.status': () => ({ pinSet: true, unlocked: true, unlockedUntil: Date.UTC(2026, 6, 4, 13) }),
      'settings.update': (patch: Params<'settings.update'>) => {
        this.view = { ...this.view, settings: Settings.parse({ ...this.view.settings, ...patch }) };
        return this.view;
      },
      ...options.handlers,
    };
  }

  invoke<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> {
    this.calls.push({ method, params });
    const handler = this.handlers[method];
    if (handler === undefined) return Promise.reject(new AppError('UNKNOWN_METHOD', `no fake handler for ${method}`));
    return Promise.resolve().then(() => handler(params));
  }

  subscribe(listener: (event: AnyEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: AnyEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  callsOf(method: MethodName): unknown[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.params);
  }
}

/** A promise whose settlement the test controls, for answers that arrive out of order. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
