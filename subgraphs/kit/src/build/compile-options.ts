import { createHash } from 'node:crypto';

/**
 * How every package compiles (swc's options): what the tsconfig says, for type-graphql's sake —
 * legacy decorators with their design-time type metadata, class fields assigned in the
 * constructor (`useDefineForClassFields: false`) and class names kept, as CommonJS, with swc's
 * helpers inlined so that the output needs no runtime package the sources do not name. Source
 * maps go beside the output, unread unless an operator asks Node for them
 * (`NODE_OPTIONS=--enable-source-maps`).
 */
export const COMPILE_OPTIONS = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
    externalHelpers: false,
  },
  module: { type: 'commonjs', importInterop: 'swc' },
  sourceMaps: true,
  swcrc: false,
} as const;

/** Output built with other options is stale too: the digest a build records and a start compares. */
export const COMPILE_OPTIONS_DIGEST = createHash('sha256').update(JSON.stringify(COMPILE_OPTIONS)).digest('hex');
