/** Where the core reports what happened. Structured, rotating logs come with the security work. */
export interface Log {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, error?: unknown): void;
}

export const consoleLog: Log = {
  info: (message, fields) => console.log(`[wristdesk] ${message}`, fields ?? ''),
  warn: (message, fields) => console.warn(`[wristdesk] ${message}`, fields ?? ''),
  error: (message, error) => console.error(`[wristdesk] ${message}`, error instanceof Error ? error.message : (error ?? '')),
};

export const silentLog: Log = { info: () => {}, warn: () => {}, error: () => {} };
