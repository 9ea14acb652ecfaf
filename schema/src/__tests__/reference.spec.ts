import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { SCHEMA_DIR } from '../artifacts';
import { composeSupergraph } from '../compose';
import { apiSchemaOf } from '../operations';
import { REFERENCE_FILE, referenceFileOf, renderReference } from '../reference';
import { anchorOf, prose } from '../reference-markdown';
import { SUBGRAPHS } from '../subgraphs';
import { fixtureComposition } from './check-fixture';

const headingsOf = (markdown: string) => [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((match) => match[1]!);
const linkTargetsOf = (markdown: string) => [...markdown.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]!);
/** The origin line of a type's section: the paragraph that starts with "Entity", "From" or "Shared by". */
const originOf = (markdown: string, type: string) =>
  new RegExp(`^### ${type}\\n(?:\\n[^\\n]*)*?\\n\\n((?:Entity|From|Shared by)[^\\n]*?)(?: Used by:|\\n)`, 'm').exec(
    markdown,
  )?.[1];

describe('the schema reference', () => {
  const supergraphSdl = composeSupergraph(SUBGRAPHS).supergraphSdl;
  const committed = readFileSync(join(SCHEMA_DIR, REFERENCE_FILE), 'utf8');

  it('is committed as the code generates it (run `pnpm schema:generate` after a schema change)', async () => {
    expect(committed).toBe(await referenceFileOf(supergraphSdl));
  });

  it('has a section for every type of the client API, and every root field with its arguments', () => {
    const api = apiSchemaOf(supergraphSdl);
    const headings = headingsOf(committed);
    const apiTypes = Object.keys(api.getTypeMap()).filter(
      (name) => !name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(name),
    );
    expect(apiTypes.filter((name) => !headings.includes(name))).toEqual([]);
    expect(committed).toContain(
      '- `units`: [`UnitConnection!`](#unitconnection) — Work units in code order, optionally of one kind or under one parent. _(workforce)_\n' +
        '  - `first`: `Int` — How many items to return: 0 to 100, default 20.\n',
    );
    expect(committed).toContain('- `JHT` — Jaminan Hari Tua: old-age savings paid out as a lump sum.\n');
  });

  it('links only to headings that exist, and no two headings share an anchor', () => {
    const anchors = headingsOf(committed).map(anchorOf);
    expect(new Set(anchors).size).toBe(anchors.length);
    expect(linkTargetsOf(committed).filter((target) => !anchors.includes(target))).toEqual([]);
  });

  it('says which subgraph owns each entity and which ones extend it', () => {
    // Another agency may extend these entities too (pnpm new-subgraph): each origin is checked for its own part.
    expect(originOf(committed, 'Worker')).toMatch(
      /^Entity, key `nik`: owned by \*\*workforce\*\*; .*\*\*bpjs\*\* adds `bpjs`/,
    );
    expect(originOf(committed, 'Unit')).toMatch(
      /^Entity, key `code`: owned by \*\*workforce\*\*; .*\*\*bpjs\*\* adds `bpjsCoverage`/,
    );
    expect(originOf(committed, 'Participant')).toBe('Entity, key `kpj`: owned by **bpjs**.');
    expect(originOf(committed, 'AccessLog')).toMatch(
      /^Entity, key `id`, resolved by several subgraphs: .*\*\*bpjs\*\* resolves `bpjs`; .*\*\*workforce\*\* resolves `workforce`/,
    );
    expect(originOf(committed, 'PageInfo')).toMatch(/^(From|Shared by) .*\*\*workforce\*\*/);
    expect(originOf(committed, 'Date')).toMatch(/^Shared by \*\*bpjs\*\*, .*\*\*workforce\*\*/);
    expect(committed).toContain('- `bpjsCoverage`: [`UnitCoverage`](#unitcoverage) — ');
  });

  it('hides the federation machinery clients never see', () => {
    for (const internal of [
      'join__',
      'link__',
      'federation__',
      '_entities',
      '_service',
      '_Service',
      '_Any',
      '_Entity',
    ]) {
      expect(committed).not.toContain(internal);
    }
  });

  it('renders any supergraph, including a field nobody else resolves and a default value', () => {
    const markdown = renderReference(fixtureComposition('before').supergraphSdl);
    expect(originOf(markdown, 'Item')).toBe('Entity, key `sku`: owned by **warehouse**; **pricing** adds `price`.');
    expect(markdown).toContain('- `price`: `Int!` — Price in whole Rupiah. _(pricing)_\n');
    expect(markdown).toContain(
      '- `item`: [`Item`](#item) — One item by SKU. _(warehouse)_\n  - `sku`: `ID!` — The SKU.',
    );
    expect(markdown).toContain(
      '- **pricing**: adds fields to [Item](#item).\n- **warehouse**: answers `Query.item`; owns [Item](#item).',
    );
  });
});

describe('the reference of other kinds of types', () => {
  const sdl = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    "Anything with a name." interface Named { "The name." name: String! }
    "A person." type Person implements Named { "The name." name: String! }
    "A place." type Place implements Named { "The name." name: String! "Old code." code: String @deprecated(reason: "Use name.") }
    "A person or a place." union Hit = Person | Place
    "What to look for." input SearchInput { "Words." text: String! "How many." limit: Int = 10 }
    type Query { "Finds things." search("The search." input: SearchInput!): [Hit!]! }`;
  const markdown = renderReference(
    composeSupergraph([
      { name: 'search', url: 'http://localhost:1', buildSchema: () => buildSubgraphSchema([{ typeDefs: parse(sdl) }]) },
    ]).supergraphSdl,
  );

  it('lists interfaces, unions and input types with their members and defaults', () => {
    expect(headingsOf(markdown)).toEqual([
      'Schema reference',
      'Contents',
      'Subgraphs',
      'Root types',
      'Query',
      'Object types',
      'Person',
      'Place',
      'Interfaces',
      'Named',
      'Unions',
      'Hit',
      'Input types',
      'SearchInput',
    ]);
    expect(markdown).toContain('Implements [`Named`](#named).');
    expect(markdown).toContain('One of [`Person`](#person), [`Place`](#place).');
    expect(markdown).toContain('- `limit`: `Int` = `10` — How many.\n');
    expect(markdown).toContain('- `code`: `String` — Old code. **Deprecated:** Use name.\n');
    expect(markdown).toContain('Used by: [Hit](#hit).');
  });
});

describe('descriptions in the reference', () => {
  it('show as written: no HTML, no emphasis, code spans kept', () => {
    expect(prose('"nik:<NIK>" masked as 3174**01, see `after` and DATA_SUBJECT_REQUEST or _this_')).toBe(
      '"nik:\\<NIK\\>" masked as 3174\\*\\*01, see `after` and DATA_SUBJECT_REQUEST or \\_this\\_',
    );
    expect(prose('First line.\n  Second line.')).toBe('First line. Second line.');
    expect(prose(undefined)).toBe('');
  });
});
