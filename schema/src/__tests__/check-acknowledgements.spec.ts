import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACKNOWLEDGEMENTS_FILE,
  acknowledgedChangesIn,
  acknowledgementsAdded,
  acknowledgementTemplateOf,
  parseAcknowledgements,
  type Acknowledgement,
} from '../check-acknowledgements';
import { SCHEMA_DIR } from '../artifacts';
import { SchemaCheckError } from '../check-errors';

const entry = (coordinate: string, change = 'FIELD_REMOVED'): Acknowledgement => ({
  coordinate,
  change,
  reason: 'Replaced by sku.',
  migration: 'Select sku instead.',
});

const invalid = (message: string) => new SchemaCheckError('ACKNOWLEDGEMENTS_INVALID', message);

describe('the acknowledgement file', () => {
  it('is committed, valid, and read as its entries', () => {
    const text = readFileSync(join(SCHEMA_DIR, ACKNOWLEDGEMENTS_FILE), 'utf8');
    expect(Array.isArray(parseAcknowledgements(text, ACKNOWLEDGEMENTS_FILE))).toBe(true);
    expect(parseAcknowledgements(JSON.stringify({ acknowledged: [entry('Item.code')] }), 'f.json')).toEqual([
      entry('Item.code'),
    ]);
  });

  it('refuses what it cannot trust, naming the file, the entry and the field', () => {
    const parse = (json: unknown) => () =>
      parseAcknowledgements(typeof json === 'string' ? json : JSON.stringify(json), 'f.json');
    expect(parse('{')).toThrow(SchemaCheckError);
    expect(parse('{')).toThrow(/^f\.json is not valid JSON: /);
    expect(parse([])).toThrow(invalid('f.json must be an object with an "acknowledged" array'));
    expect(parse({ acknowledged: [], notes: 'x' })).toThrow(
      invalid('f.json has unknown key(s) notes; it holds "description" and "acknowledged"'),
    );
    expect(parse({ acknowledged: ['FIELD_REMOVED Item.code'] })).toThrow(
      invalid('f.json: acknowledged[0] must be an object'),
    );
    expect(parse({ acknowledged: [{ ...entry('Item.code'), migraton: 'typo' }] })).toThrow(
      invalid(
        'f.json: acknowledged[0] has unknown key(s) migraton; an entry has exactly coordinate, change, reason, migration',
      ),
    );
    expect(parse({ acknowledged: [entry('Item.code'), { ...entry('Item.name'), reason: ' ' }] })).toThrow(
      invalid('f.json: acknowledged[1].reason must be filled in (a non-empty string, not a <placeholder>)'),
    );
  });

  it('refuses the template the check prints until its placeholders are filled in', () => {
    const template = acknowledgementTemplateOf({
      level: 'breaking',
      kind: 'FIELD_REMOVED',
      coordinate: 'Item.code',
      message: "Field 'code' was removed from object type 'Item'",
    });
    expect(template).toEqual({
      coordinate: 'Item.code',
      change: 'FIELD_REMOVED',
      reason: '<why this change had to break clients>',
      migration: '<what a client must change, and to what>',
    });
    expect(() => parseAcknowledgements(JSON.stringify({ acknowledged: [template] }), 'f.json')).toThrow(
      invalid('f.json: acknowledged[0].reason must be filled in (a non-empty string, not a <placeholder>)'),
    );
  });

  it('reads the file at the base leniently: only coordinate and change matter there', () => {
    const atBase = JSON.stringify({ acknowledged: [{ coordinate: 'Item.code', change: 'FIELD_REMOVED' }, 'noise'] });
    expect(acknowledgedChangesIn(atBase, 'f.json at HEAD^')).toEqual([
      { coordinate: 'Item.code', change: 'FIELD_REMOVED' },
    ]);
    expect(() => acknowledgedChangesIn('{', 'f.json at HEAD^')).toThrow(/^f\.json at HEAD\^ is not valid JSON/);
  });
});

describe('acknowledgements added since the base', () => {
  it('are the entries the base did not have, counted per coordinate and change', () => {
    const atBase = [entry('Item.code'), entry('Item.name', 'FIELD_TYPE_CHANGED')];
    expect(acknowledgementsAdded([...atBase, entry('Item.price')], atBase)).toEqual([entry('Item.price')]);
    // The same change made again needs a second entry: the first acknowledged the older change.
    expect(acknowledgementsAdded([...atBase, entry('Item.code')], atBase)).toEqual([entry('Item.code')]);
    expect(acknowledgementsAdded(atBase, atBase)).toEqual([]);
    expect(acknowledgementsAdded([entry('Item.name')], atBase)).toEqual([entry('Item.name')]);
  });

  it('are unaffected by rewording or removing old entries', () => {
    const atBase = [entry('Item.code'), entry('Item.name')];
    expect(acknowledgementsAdded([{ ...entry('Item.code'), reason: 'Reworded.' }], atBase)).toEqual([]);
  });
});
