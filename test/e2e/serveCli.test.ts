import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/tempDir';

const serveScript = resolve('out/main/serve.js');

describe('npm run serve: refusing what cannot work, before listening', () => {
  it('an unwritable --demo-request-log is refused at start with exit code 2 and the path', () => {
    expect(existsSync(serveScript), 'run "npm run build" first (npm test does)').toBe(true);
    const data = makeTempDir('wristdesk-cli-');
    try {
      const result = spawnSync(process.execPath, [serveScript, '--port', '0', '--data-dir', data.path, '--demo-request-log', '/nonexistent-dir/requests.jsonl'], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('--demo-request-log: cannot write /nonexistent-dir/requests.jsonl');
      expect(result.stdout).not.toContain('Open:');
    } finally {
      data.remove();
    }
  });
});
