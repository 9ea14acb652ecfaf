import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The agency subgraphs, from the one registry that composition and `pnpm start` read too. */
const AGENCIES = JSON.parse(
  readFileSync(new URL('./subgraphs/registry/subgraphs.json', import.meta.url), 'utf8'),
).subgraphs.map((subgraph) => subgraph.name);

/**
 * Boundaries we enforce by lint, not by review: subgraphs never import each other (they meet
 * only in the supergraph), nor the registry (every agency is reachable through it), and no code
 * reaches into another package's files by relative path.
 */
const agencyBoundaries = (self) => ({
  files: [`subgraphs/${self}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...AGENCIES.filter((name) => name !== self).map((name) => ({
            group: [`@jembatan/${name}`, `**/${name}/**`],
            message: 'Subgraphs never import each other; they meet in the supergraph.',
          })),
          {
            group: ['@jembatan/subgraph-registry', '@jembatan/subgraph-registry/*'],
            message: 'A subgraph never imports the registry: every other agency is reachable through it.',
          },
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
  ...AGENCIES.map(agencyBoundaries),
  {
    files: ['gateway/src/**/*.ts'],
    ignores: ['gateway/src/**/__tests__/**', 'gateway/src/testing/**', 'gateway/src/apollo-gateway.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@jembatan/kit',
              message:
                "Import the kit's narrow entry points (@jembatan/kit/http, /access, /errors, /log, …): its root loads TypeORM, PGlite and type-graphql, which the gateway never uses.",
            },
            {
              name: '@apollo/gateway',
              allowTypeImports: true,
              message:
                "Import @apollo/gateway's runtime through gateway/src/apollo-gateway.ts, which binds its dependency's exports before it loads.",
            },
          ],
        },
      ],
    },
  },
  { files: ['scripts/**/*.ts', 'schema/src/generate.ts', 'test/**/*.ts'], rules: { 'no-console': 'off' } },
  { files: ['schema/client/src/codegen/generate.ts', 'schema/client/example/**/*.ts'], rules: { 'no-console': 'off' } },
);
