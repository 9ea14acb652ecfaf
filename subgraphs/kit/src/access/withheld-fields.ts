import type { GraphQLFormattedError, GraphQLResolveInfo } from 'graphql';
import { responsePathAsArray } from 'graphql';
import type { JembatanError } from '../errors/jembatan-error';
import { forbidden, type Refusal } from './forbidden';

type ResponsePath = GraphQLResolveInfo['path'];

/** A response path with its list indices left out: `unit.workers.edges.node.monthlyWage`. */
function pathWithoutIndices(path: ResponsePath | undefined): string {
  let key = '';
  for (let step = path; step; step = step.prev) {
    if (typeof step.key === 'string') key = key ? `${step.key}.${key}` : step.key;
  }
  return key;
}

interface Withholding {
  /** Located at the first place the field was withheld. */
  error: JembatanError;
  count: number;
}

/**
 * The fields the policy withheld while one request ran: one FORBIDDEN error per field of the
 * query (its coordinate, and its response path without list indices), located at the first
 * place it was withheld and counting every place, however many rows the field was withheld from.
 * A page of 100 rows then costs one error, not 100, in this service and in the gateway after it.
 */
export class WithheldFields {
  private readonly withholdings = new Map<string, Withholding>();
  private readonly coordinates = new Set<string>();

  /** `refusalOf` says why a field is withheld and what would open it, for the error's message. */
  constructor(private readonly refusalOf?: (coordinate: string) => Refusal) {}

  /** Records `coordinate` withheld at `info.path`; returns the one error that stands for that field of the query. */
  withhold(coordinate: string, info: Pick<GraphQLResolveInfo, 'path' | 'fieldNodes'>): JembatanError {
    const key = `${coordinate} ${pathWithoutIndices(info.path)}`;
    let withholding = this.withholdings.get(key);
    if (!withholding) {
      const location = { nodes: info.fieldNodes, path: responsePathAsArray(info.path) };
      withholding = { error: forbidden(coordinate, location, this.refusalOf?.(coordinate)), count: 0 };
      this.withholdings.set(key, withholding);
      this.coordinates.add(coordinate);
    }
    withholding.count += 1;
    return withholding.error;
  }

  /**
   * The errors to send: those raised otherwise as they are, and one per withheld field of the
   * query with `extensions.withheldCount`. A withheld non-null field had to raise its error at
   * each place (graphql-js nulls the parent only for an error); those copies are merged here. A
   * field's coordinate is withheld for the whole request or not at all, so no FORBIDDEN refusal
   * of one person's data (DATA_SUBJECT_REQUEST) is mistaken for one of them.
   */
  merge(errors: readonly GraphQLFormattedError[] | undefined): readonly GraphQLFormattedError[] | undefined {
    if (this.withholdings.size === 0) return errors;
    const others = (errors ?? []).filter(
      (error) => !(error.extensions?.code === 'FORBIDDEN' && this.coordinates.has(error.extensions.field as string)),
    );
    const withheld = [...this.withholdings.values()].map(({ error, count }) => {
      const formatted = error.toJSON();
      return { ...formatted, extensions: { ...formatted.extensions, withheldCount: count } };
    });
    return [...others, ...withheld];
  }
}
