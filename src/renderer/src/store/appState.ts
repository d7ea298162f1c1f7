import type { StateCreator } from 'zustand/vanilla';
import type { WristdeskApi } from '../../../shared/contract';
import type { ActionSlice } from './slices/actionSlice';
import type { AdminSlice } from './slices/adminSlice';
import type { AppInfoSlice } from './slices/appInfoSlice';
import type { AuditSlice } from './slices/auditSlice';
import type { ConnectionSlice } from './slices/connectionSlice';
import type { IdentifySlice } from './slices/identifySlice';
import type { OperatorSlice } from './slices/operatorSlice';
import type { OutboxSlice } from './slices/outboxSlice';
import type { PrewarmSlice } from './slices/prewarmSlice';
import type { ReadersSlice } from './slices/readersSlice';
import type { ProductImageSlice } from './slices/productImageSlice';
import type { SearchSlice } from './slices/searchSlice';
import type { SettingsSlice } from './slices/settingsSlice';
import type { StartupSlice } from './slices/startupSlice';
import type { StatusSlice } from './slices/statusSlice';
import type { TickowebSlice } from './slices/tickowebSlice';
import type { UidCalibrationSlice } from './slices/uidCalibrationSlice';
import type { ViewSlice } from './slices/viewSlice';
import type { VirtualReaderSlice } from './slices/virtualReaderSlice';
import type { WedgeSlice } from './slices/wedgeSlice';

/** The whole renderer state: one slice per concern, flat so selectors stay simple. */
export type AppState = ConnectionSlice &
  StartupSlice &
  AppInfoSlice &
  StatusSlice &
  SettingsSlice &
  IdentifySlice &
  SearchSlice &
  ViewSlice &
  VirtualReaderSlice &
  WedgeSlice &
  OperatorSlice &
  AdminSlice &
  ProductImageSlice &
  UidCalibrationSlice &
  ReadersSlice &
  PrewarmSlice &
  ActionSlice &
  OutboxSlice &
  AuditSlice &
  TickowebSlice;

/** What slices need from outside: the core, through the contract only. */
export interface StoreDependencies {
  api: WristdeskApi;
}

export type SliceCreator<Slice> = (dependencies: StoreDependencies) => StateCreator<AppState, [], [], Slice>;
