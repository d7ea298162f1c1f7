import { nodeHidBindings } from './hid/nodeHidAdapter';
import type { HidBindings } from './ReaderManager';

/**
 * Loads node-hid when the first reader is configured, not at start: its native binary needs
 * libusb-1.0 at run time, and a desk without it must still start (the reader then says why).
 * On Linux node-hid 3 uses the hidraw driver by default, which is what the udev rule grants.
 * macOS: nonExclusive, so a keyboard-class reader can be read while the system also has it.
 */
export async function loadNodeHid(): Promise<HidBindings> {
  const hid = await import('node-hid');
  return nodeHidBindings(hid, { nonExclusive: process.platform === 'darwin' });
}
