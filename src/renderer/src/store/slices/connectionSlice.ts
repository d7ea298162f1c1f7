import type { ConnectionState } from '../../transport/coreConnection';
import type { SliceCreator } from '../appState';

export interface ConnectionSlice {
  connection: ConnectionState;
  setConnection: (state: ConnectionState) => void;
}

export const createConnectionSlice: SliceCreator<ConnectionSlice> = () => (set) => ({
  connection: 'connecting',
  setConnection: (connection) => set({ connection }),
});
