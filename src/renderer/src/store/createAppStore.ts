import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState, StoreDependencies } from './appState';
import { createActionSlice } from './slices/actionSlice';
import { createAdminSlice } from './slices/adminSlice';
import { createAppInfoSlice } from './slices/appInfoSlice';
import { createAuditSlice } from './slices/auditSlice';
import { createConnectionSlice } from './slices/connectionSlice';
import { createIdentifySlice } from './slices/identifySlice';
import { createOperatorSlice } from './slices/operatorSlice';
import { createOutboxSlice } from './slices/outboxSlice';
import { createPrewarmSlice } from './slices/prewarmSlice';
import { createReadersSlice } from './slices/readersSlice';
import { createProductImageSlice } from './slices/productImageSlice';
import { createSearchSlice } from './slices/searchSlice';
import { createSettingsSlice } from './slices/settingsSlice';
import { createStartupSlice } from './slices/startupSlice';
import { createStatusSlice } from './slices/statusSlice';
import { createTickowebSlice } from './slices/tickowebSlice';
import { createUidCalibrationSlice } from './slices/uidCalibrationSlice';
import { createViewSlice } from './slices/viewSlice';
import { createVirtualReaderSlice } from './slices/virtualReaderSlice';
import { createWedgeSlice } from './slices/wedgeSlice';

export type AppStore = StoreApi<AppState>;

/** One store per mounted app (and per test), bound to the API it was given. */
export function createAppStore(dependencies: StoreDependencies): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createConnectionSlice(dependencies)(...args),
    ...createStartupSlice(dependencies)(...args),
    ...createAppInfoSlice(dependencies)(...args),
    ...createStatusSlice(dependencies)(...args),
    ...createSettingsSlice(dependencies)(...args),
    ...createIdentifySlice(dependencies)(...args),
    ...createSearchSlice(dependencies)(...args),
    ...createViewSlice(dependencies)(...args),
    ...createVirtualReaderSlice(dependencies)(...args),
    ...createWedgeSlice(dependencies)(...args),
    ...createOperatorSlice(dependencies)(...args),
    ...createAdminSlice(dependencies)(...args),
    ...createProductImageSlice(dependencies)(...args),
    ...createUidCalibrationSlice(dependencies)(...args),
    ...createReadersSlice(dependencies)(...args),
    ...createPrewarmSlice(dependencies)(...args),
    ...createActionSlice(dependencies)(...args),
    ...createOutboxSlice(dependencies)(...args),
    ...createAuditSlice(dependencies)(...args),
    ...createTickowebSlice(dependencies)(...args),
  }));
}
