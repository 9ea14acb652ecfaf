import type { Purpose, Role } from './roles';

/** How a granted field is shown: as it is, or masked (the person exists, but not who). */
export type Access = 'read' | 'masked';

/** A group granted as it is, or `"<group> (masked)"`. */
export type Grant<TGroup extends string> = TGroup | `${TGroup} (masked)`;

/** What a role may read: `always` needs no purpose (directory, aggregates); the rest only for that purpose. */
export type RoleGrants<TGroup extends string> = Partial<Record<'always' | Purpose, readonly Grant<TGroup>[]>>;

/**
 * One agency's access policy, in one readable place. Fields are classified into groups by
 * schema coordinate (`Type.field`, or `Type.*` for every field of a type); a role reads a group
 * only where a grant names it. A field no group lists is unreadable: deny by default.
 */
export interface AccessPolicy<TGroup extends string> {
  agency: string;
  groups: Record<TGroup, readonly string[]>;
  /** Groups holding a person's data: each read of them is recorded in the audit trail. */
  personal: readonly TGroup[];
  grants: Partial<Record<Role, RoleGrants<TGroup>>>;
  /** How each field that some grant shows masked is masked. */
  masks: Record<string, (value: string) => string>;
  /** The data subjects (e.g. `nik:…`, `kpj:…`) an object of a type with personal fields is about. */
  subjectsOf: Record<string, (source: never) => readonly string[]>;
  /**
   * The ways to look a person up by an identifier, which reveal whether they exist even when
   * only `__typename` is selected: a root field (`"Query.worker"`) by its arguments, or an entity
   * type (`"Worker"`) by the key fields of its `_entities` representations, each mapped to the
   * identifier it holds (`{ nik: 'nik' }`). Each lookup is recorded naming who was looked for.
   */
  lookups?: Record<string, Readonly<Record<string, PersonIdentifier>>>;
  /**
   * The other identifiers this agency knows a person by, given their NIK (BPJS: their KPJ), so a
   * DATA_SUBJECT_REQUEST about that NIK reaches what is filed under them too.
   */
  identifiersOfNik?: (nik: string, context: never) => Promise<readonly string[]>;
  /**
   * Who may make which change, and for which purpose: each Mutation field (`"Mutation.registerWorker"`)
   * with the purposes each role may make it for. Deny by default: a role or purpose not listed is
   * refused (FORBIDDEN, and the attempt recorded), and a Mutation field not listed is refused to
   * everyone and reported by findPolicyGaps. What a mutation returns is read-classified in
   * `groups` like any other type.
   */
  writes?: WriteRules;
}

/** The write rules of a policy: `Mutation.<field>` → role → the purposes it may make that change for. */
export type WriteRules = Readonly<Record<`Mutation.${string}`, Partial<Record<Role, readonly Purpose[]>>>>;

/** The identifiers a person is looked up by, as data subjects are named: `nik:…`, `kpj:…`. */
export type PersonIdentifier = 'nik' | 'kpj';

/** Identity for type inference: lets the group names of a policy be checked in its grants. */
export function defineAccessPolicy<const TGroup extends string>(policy: AccessPolicy<TGroup>): AccessPolicy<TGroup> {
  return policy;
}
