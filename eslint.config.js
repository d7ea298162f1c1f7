import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const electronImportBan = {
  'no-restricted-imports': [
    'error',
    { paths: [{ name: 'electron', message: 'Only the Electron shell (src/main/index.ts, src/main/shell/) and the preload may import electron.' }] },
  ],
  // no-restricted-imports does not see dynamic import() or require().
  'no-restricted-syntax': [
    'error',
    { selector: "ImportExpression[source.value='electron']", message: 'Only the Electron shell and the preload may import electron.' },
    { selector: "CallExpression[callee.name='require'][arguments.0.value='electron']", message: 'Only the Electron shell and the preload may import electron.' },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  // Everywhere but the shell and the preload: no electron.
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['src/main/index.ts', 'src/main/shell/**', 'src/preload/**', 'test/shell/**'],
    rules: electronImportBan,
  },
  // The renderer reaches the core only through src/shared: no Node, no core code.
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer never touches Electron: use the contract in src/shared.' }],
          patterns: [
            { group: ['node:*'], message: 'The renderer never touches Node: use the contract in src/shared.' },
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer reaches the core only through src/shared.' },
          ],
        },
      ],
    },
  },
  // The contract depends on nothing but zod.
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|\\./)', message: 'src/shared may import only zod and itself.' }] },
      ],
    },
  },
  // Tests use non-null assertions on values they have just checked.
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
