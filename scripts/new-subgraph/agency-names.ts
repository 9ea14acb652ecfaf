import { GeneratorRefusal } from './generator-refusal';

/** Every spelling of a new agency's name the templates need. */
export interface AgencyNames {
  /** `land-office`: folder, package `@jembatan/land-office`, subgraph name, data directory. */
  name: string;
  /** `LandOffice`: GraphQL type names (`LandOfficeRecord`) and classes. */
  Pascal: string;
  /** `landOffice`: GraphQL fields (`landOfficeRecords`) and variables. */
  camel: string;
  /** `LAND_OFFICE`: environment variables (`LAND_OFFICE_PORT`). */
  ENV: string;
  /** `land_office`: SQL tables and PostgreSQL database names, which take no hyphen. */
  snake: string;
  /** `LAND-OFFICE`: the prefix of record ids (`LAND-OFFICE-000001`). */
  idPrefix: string;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/**
 * Long enough to say which agency; short enough that the e2e harness's PostgreSQL copies
 * (`jembatan_test_<name>_<run>_c<pid>_<n>`) stay within PostgreSQL's 63-byte names.
 */
const MAX_NAME_LENGTH = 16;

export function agencyNamesOf(name: string): AgencyNames {
  if (!NAME.test(name) || name.length < 2 || name.length > MAX_NAME_LENGTH) {
    throw new GeneratorRefusal(
      'INVALID_NAME',
      `"${name.slice(0, 64)}" is not a subgraph name: use 2 to ${MAX_NAME_LENGTH} lowercase letters, digits and single hyphens, starting with a letter (e.g. "bpn" or "land-office")`,
    );
  }
  const words = name.split('-');
  const Pascal = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  return {
    name,
    Pascal,
    camel: Pascal[0]!.toLowerCase() + Pascal.slice(1),
    ENV: words.join('_').toUpperCase(),
    snake: words.join('_'),
    idPrefix: name.toUpperCase(),
  };
}

/** Letters of any script, digits, spaces and plain punctuation: safe inside code, SQL-free strings and Markdown. */
const TITLE = /^[\p{L}\p{N}][\p{L}\p{N} .,()&/-]{1,79}$/u;

/** The agency's name as people write it; by default the subgraph name in capitals ("LAND OFFICE"). */
export function agencyTitleOf(names: AgencyNames, title: string | undefined): string {
  const chosen = (title ?? names.name.replaceAll('-', ' ').toUpperCase()).trim();
  if (!TITLE.test(chosen)) {
    throw new GeneratorRefusal(
      'INVALID_TITLE',
      `--title "${chosen.slice(0, 80)}" must be 2 to 80 letters, digits, spaces and . , ( ) & / - (no quotes or |)`,
    );
  }
  return chosen;
}
