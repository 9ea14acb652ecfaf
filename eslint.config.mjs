import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Boundaries we enforce by lint, not by review: subgraphs never import each other (they meet
 * only in the supergraph), and no code reaches into another package's files by relative path.
 */
const otherAgency = (self, others) => ({
  files: [`subgraphs/${self}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...others.map((name) => ({
            group: [`@jembatan/${name}`, `**/${name}/**`],
            message: 'Subgraphs never import each other; they meet in the supergraph.',
          })),
          { group: ['../../*/**', '../../../*/**'], message: 'Import other packages by name, not by relative path.' },
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-output/**', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-function': 'off',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  otherAgency('workforce', ['bpjs']),
  otherAgency('bpjs', ['workforce']),
  { files: ['scripts/**/*.ts', 'schema/src/generate.ts', 'test/**/*.ts'], rules: { 'no-console': 'off' } },
);
