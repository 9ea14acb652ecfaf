import { registerEnumType } from 'type-graphql';

/** Pemprov DKI's own categories (its subgraph owns the enum; the values must stay the same in both). */
export enum WorkerCategory {
  PKP = 'PKP',
  PPSU = 'PPSU',
  KEBERSIHAN = 'KEBERSIHAN',
}

registerEnumType(WorkerCategory, {
  name: 'WorkerCategory',
  description: 'The kind of contract under which a non-civil-servant works for Pemprov DKI.',
});
