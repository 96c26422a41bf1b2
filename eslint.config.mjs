// One lint config for the monorepo. Type-aware: floating promises and non-exhaustive switches
// are errors; no package may reach into another package's src (import its public entry instead).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', 'bench/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@fengqiao/*/src', '@fengqiao/*/src/**', '@fengqiao/*/dist/**'],
              message: "Import the package's public entry, not its files.",
            },
            {
              group: ['../../packages/**', '../../../packages/**', '../../apps/**', '../../../apps/**'],
              message: 'No relative imports across packages: depend on the package.',
            },
          ],
        },
      ],
    },
  },
);
