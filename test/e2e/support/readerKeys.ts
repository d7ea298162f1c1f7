import type { Page } from 'playwright-core';

/**
 * Types `text` and Enter the way a keyboard-wedge reader does: real key events through
 * Chromium's input pipeline, each stamped `gapMs` after the previous one.
 *
 * Why not `page.keyboard.type`: it waits for each key's round trip before sending the next, so
 * the gaps between keys are the machine's load, not the reader's speed. Measured on a 2-core box
 * with one busy process: gaps up to ~70 ms, over the detector's 35 ms. Here every event carries
 * its own timestamp (Chromium hands it to the page as `KeyboardEvent.timeStamp`, which the
 * detector reads), and all are sent at once, in order, as a reader's USB reports would arrive.
 */
export async function typeAsReader(page: Page, text: string, gapMs = 5): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() / 1000;
  const sent: Promise<unknown>[] = [];
  [...Array.from(text, keyFor), enter].forEach((key, index) => {
    const timestamp = start + (index * gapMs) / 1000;
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key, timestamp }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key, text: undefined, timestamp: timestamp + 0.001 }));
  });
  await Promise.all(sent);
  await cdp.detach();
}

interface KeyEventFields {
  code: string;
  key: string;
  text: string | undefined;
  windowsVirtualKeyCode: number;
  modifiers: number;
}

const enter: KeyEventFields = { code: 'Enter', key: 'Enter', text: '\r', windowsVirtualKeyCode: 13, modifiers: 0 };
const shift = 8;

/** A US-layout key for a digit or an upper-case letter (readers send Shift for letters). */
function keyFor(char: string): KeyEventFields {
  const virtualKey = char.charCodeAt(0);
  if (/^[0-9]$/.test(char)) return { code: `Digit${char}`, key: char, text: char, windowsVirtualKeyCode: virtualKey, modifiers: 0 };
  if (/^[A-Z]$/.test(char)) return { code: `Key${char}`, key: char, text: char, windowsVirtualKeyCode: virtualKey, modifiers: shift };
  throw new Error(`a reader sends only digits and upper-case letters, not ${char}`);
}
