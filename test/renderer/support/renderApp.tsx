import { act, cleanup, fireEvent, render } from '@testing-library/react';
import type { AnyEvent } from '../../../src/shared/contract';
import { AppRoot } from '../../../src/renderer/src/app/AppRoot';
import { alwaysConnected, type CoreConnection } from '../../../src/renderer/src/transport/coreConnection';
import { FakeApi } from './FakeApi';

/** Renders the whole app against a fake core, as main.tsx does against the real one. */
export function renderApp(api: FakeApi = new FakeApi(), connection: CoreConnection = alwaysConnected) {
  const rendered = render(<AppRoot api={api} connection={connection} />);
  const emit = (event: AnyEvent) => actAndSettle(() => api.emit(event));
  return { api, emit, ...rendered };
}

/**
 * Runs `action` inside act() and lets every promise it started settle (one macrotask later),
 * so the screen can be asserted synchronously afterwards.
 */
export async function actAndSettle(action: () => unknown): Promise<void> {
  await act(async () => {
    action();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** Follows a link the way the hash router sees it: `#/outbox`. */
export async function goTo(hash: string): Promise<void> {
  await actAndSettle(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

/** A click, then everything it started settles. */
export function click(element: Element): Promise<void> {
  return actAndSettle(() => fireEvent.click(element));
}

/** Undo what a test did to the shared document: mounted trees and the route in the hash. */
export function resetDom(): void {
  cleanup();
  window.history.replaceState(null, '', '/');
  delete document.documentElement.dataset.theme;
}
