import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * React fast refresh injects an inline script and talks to Vite over a WebSocket: allow both in
 * `electron-vite dev` only. Builds keep the strict policy from index.html.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'wristdesk-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
  };
}

// Main and preload are bundled for Node; packages in `dependencies` (better-sqlite3,
// node-hid, ws, undici, zod) stay external so their Node-API prebuilds load as shipped.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // Headless entry points run under plain Node (browser mode, the Tickoweb sync).
          serve: resolve('src/main/cli/serve.ts'),
          sync: resolve('src/main/cli/sync.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react(), relaxCspForDevServer()],
  },
});
