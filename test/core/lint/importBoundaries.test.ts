import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering is enforced by lint rules (eslint.config.js); these probes prove the rules fire
 * where they must and stay quiet where imports are allowed. Probes borrow the paths of real
 * files so the type-aware parser accepts them.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const useIt = '\nexport const probe = [x];\n';

describe('import boundaries', () => {
  it.each([
    ["import { app as x } from 'electron';", 'src/main/core/Core.ts'],
    ["export const probe = import('electron');", 'src/main/core/Core.ts'],
    ["export const probe = require('electron');", 'src/main/store/Store.ts'],
    ["import { app as x } from 'electron';", 'src/renderer/src/main.tsx'],
    ["import { readFileSync as x } from 'node:fs';", 'src/renderer/src/main.tsx'],
    ["import { startCore as x } from '../../main/core/Core';", 'src/renderer/src/main.tsx'],
    ["import x from 'react';", 'src/shared/contract.ts'],
    ["import { startCore as x } from '../main/core/Core';", 'src/shared/contract.ts'],
  ])('%s in %s is refused', async (code, file) => {
    const ids = await ruleIds(code + (code.startsWith('import') ? useIt : '\n'), file);
    expect(ids.some((id) => id === 'no-restricted-imports' || id === 'no-restricted-syntax')).toBe(true);
  });

  it.each([
    ["import { app as x } from 'electron';", 'src/main/shell/MainWindow.ts'],
    ["import { app as x } from 'electron';", 'src/main/index.ts'],
    ["import { contextBridge as x } from 'electron';", 'src/preload/index.ts'],
    ["import { z as x } from 'zod';", 'src/shared/contract.ts'],
    ["import { AppError as x } from './errors';", 'src/shared/contract.ts'],
  ])('%s in %s is allowed', async (code, file) => {
    const ids = await ruleIds(code + useIt, file);
    expect(ids.filter((id) => id === 'no-restricted-imports' || id === 'no-restricted-syntax')).toEqual([]);
  });
});
