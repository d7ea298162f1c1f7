import type { SliceCreator } from '../appState';

export const viewNames = ['identify', 'search', 'gate', 'outbox', 'audit', 'readers', 'settings'] as const;
export type ViewName = (typeof viewNames)[number];

export interface ViewSlice {
  /** Mirrors `location.hash` (`#/identify`, `#/search`, `#/outbox`, `#/settings`, …); app/useHashRoute keeps them in step. */
  view: ViewName;
  showView: (view: ViewName) => void;
}

export const createViewSlice: SliceCreator<ViewSlice> = () => (set) => ({
  view: 'identify',
  // An opened Tickoweb order belongs to the view it was opened from.
  showView: (view) => set((state) => (state.view === view ? { view } : { view, tickowebOrder: null })),
});
