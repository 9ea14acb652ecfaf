import {
  FEMALE_GIVEN_NAMES,
  FEMALE_SECOND_NAMES,
  FEMALE_SINGLE_NAMES,
  MALE_GIVEN_NAMES,
  MALE_SECOND_NAMES,
  MALE_SINGLE_NAMES,
  MARGA,
  NAME_SHAPE_WEIGHTS,
} from '@jembatan/seed-world';
import { below, textArray } from './sql-random';

/**
 * A person's name in SQL, drawn like the world's `randomName` from the same lists and shapes: a
 * single Javanese name, two or three given names, or a given name and a marga. Reads the columns
 * `female`, `name_shape` (a draw in [0, 1)) and `given_index` (an int in [0, 1000)) and draws the
 * rest from the row number `i`.
 */
const NAMES = {
  female: { given: FEMALE_GIVEN_NAMES, second: FEMALE_SECOND_NAMES, single: FEMALE_SINGLE_NAMES },
  male: { given: MALE_GIVEN_NAMES, second: MALE_SECOND_NAMES, single: MALE_SINGLE_NAMES },
} as const;

function element(values: readonly string[], index: string): string {
  return `(${textArray(values)})[1 + ${index}]`;
}

function namesOfSex(sex: keyof typeof NAMES): string {
  const { given, second, single } = NAMES[sex];
  const givenName = element(given, `given_index % ${given.length}`);
  // Never the given name twice: the middle name is drawn among the others.
  const middle = element(given, `(given_index + 1 + ${below('i', 'name/middle', given.length - 1)}) % ${given.length}`);
  const surname = element(second, below('i', 'name/second', second.length));
  const forms = {
    single: element(single, below('i', 'name/single', single.length)),
    two: `${givenName} || ' ' || ${surname}`,
    three: `${givenName} || ' ' || ${middle} || ' ' || ${surname}`,
    marga: `${givenName} || ' ' || ${element(MARGA, below('i', 'name/marga', MARGA.length))}`,
  };
  const total = NAME_SHAPE_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let cumulative = 0;
  const branches = NAME_SHAPE_WEIGHTS.map(([shape, weight]) => {
    cumulative += weight / total;
    return `WHEN name_shape < ${cumulative} THEN ${forms[shape]}`;
  });
  return `CASE ${branches.join(' ')} ELSE ${forms.two} END`;
}

export function personNameSql(): string {
  return `CASE WHEN female THEN ${namesOfSex('female')} ELSE ${namesOfSex('male')} END`;
}
