import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';

/** What a change does to clients written against the old schema. */
export type ChangeLevel = 'breaking' | 'dangerous' | 'safe';

export const CHANGE_LEVELS: readonly ChangeLevel[] = ['breaking', 'dangerous', 'safe'];

export interface SchemaChange {
  level: ChangeLevel;
  /** graphql-inspector's change type, e.g. `FIELD_REMOVED`; with the coordinate, what an acknowledgement names. */
  kind: string;
  /** The schema coordinate changed: `Type`, `Type.field`, `Type.field(argument:)`, `Enum.VALUE`, `@directive(argument:)`. */
  coordinate: string;
  message: string;
}

const LEVEL_OF: Record<CriticalityLevel, ChangeLevel> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

/**
 * graphql-inspector writes an argument as `Type.field.argument` and `@directive.argument`; the
 * GraphQL schema coordinate spec writes `Type.field(argument:)`, which cannot be mistaken for a
 * field of a field.
 */
function coordinateOf(change: Change): string {
  const path = change.path ?? 'schema';
  const isArgument = /^(FIELD_ARGUMENT|DIRECTIVE_ARGUMENT)_/.test(String(change.type));
  const lastDot = path.lastIndexOf('.');
  return isArgument && lastDot > 0 ? `${path.slice(0, lastDot)}(${path.slice(lastDot + 1)}:)` : path;
}

const rank = (level: ChangeLevel) => CHANGE_LEVELS.indexOf(level);

export const compareChanges = (left: SchemaChange, right: SchemaChange): number =>
  rank(left.level) - rank(right.level) ||
  left.coordinate.localeCompare(right.coordinate) ||
  left.kind.localeCompare(right.kind) ||
  left.message.localeCompare(right.message);

/** Every difference between two schemas, classified for clients of the old one, breaking first. */
export async function classifyChanges(before: GraphQLSchema, after: GraphQLSchema): Promise<SchemaChange[]> {
  const changes = await diff(before, after);
  return changes
    .map((change) => ({
      level: LEVEL_OF[change.criticality.level],
      kind: String(change.type),
      coordinate: coordinateOf(change),
      message: change.message,
    }))
    .sort(compareChanges);
}
