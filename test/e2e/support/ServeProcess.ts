import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeTempDir } from '../../support/tempDir';

export interface ServeProcess {
  url: string;
  origin: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

const serveScript = resolve('out/main/serve.js');

/** Starts `node out/main/serve.js` (what `npm run serve` runs after building) on a free port. */
export async function startServe(env: Record<string, string> = {}, args: readonly string[] = []): Promise<ServeProcess> {
  if (!existsSync(serveScript)) {
    throw new Error(`${serveScript} is missing: run "npm run build" first (npm test does).`);
  }
  const data = makeTempDir('wristdesk-e2e-');
  const child: ChildProcess = spawn(process.execPath, [serveScript, '--port', '0', '--data-dir', data.path, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const urlPrinted = new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL within 20 s:\n${output}`)), 20_000);
    const check = (): void => {
      const match = /^Open: (http:\/\/127\.0\.0\.1:\d+\/\?key=\S+)$/m.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
  let url: string;
  try {
    url = await urlPrinted;
  } catch (error) {
    child.kill('SIGKILL');
    data.remove();
    throw error;
  }
  return {
    url,
    origin: new URL(url).origin,
    dataDir: data.path,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      data.remove();
    },
  };
}
