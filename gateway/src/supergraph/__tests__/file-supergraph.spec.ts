import { readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApolloGateway } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordingLogger, testDataFolder } from '@jembatan/kit/testing';
import { SUPERGRAPH_PATH } from '@jembatan/schema';
import { fileSupergraph, type FileSupergraph } from '../file-supergraph';

const COMMITTED = readFileSync(SUPERGRAPH_PATH, 'utf8');
const DESCRIPTION = 'Registry-wide counts of units and workers, computed in the database.';
const DEBOUNCE_MS = 50;

/** The committed supergraph with another description of Query.workforceStatistics: a visible change. */
function describedAs(description: string): string {
  if (!COMMITTED.includes(DESCRIPTION)) throw new Error('the committed supergraph no longer has the test description');
  return COMMITTED.replace(DESCRIPTION, description);
}

const descriptionIn = (schema: GraphQLSchema) => schema.getQueryType()!.getFields()['workforceStatistics']!.description;

let folder: string;
let file: string;
let gateway: ApolloGateway | undefined;
beforeEach(() => {
  folder = testDataFolder('supergraph');
  file = join(folder, 'supergraph.graphql');
});
afterEach(async () => {
  await gateway?.stop();
  gateway = undefined;
  rmSync(folder, { recursive: true, force: true });
});

/** As deploy tools and most editors save: a new file beside the old, renamed over it. */
function replaceAtomically(content: string) {
  writeFileSync(`${file}.tmp`, content);
  renameSync(`${file}.tmp`, file);
}

/** A real Apollo gateway on the file, without subgraphs: loading and swapping need none. */
async function loadGateway(options: { content?: string } = {}) {
  writeFileSync(file, options.content ?? describedAs('version 1'));
  const { logger, messagesAt } = recordingLogger();
  const errors = () => messagesAt('error');
  const reloads: string[] = [];
  const refusals: Error[] = [];
  const supergraph: FileSupergraph = fileSupergraph(file, {
    logger,
    debounceMs: DEBOUNCE_MS,
    onReload: ({ sha256 }) => reloads.push(sha256),
    onError: (error) => refusals.push(error),
  });
  gateway = new ApolloGateway({ supergraphSdl: supergraph, logger: { debug() {}, info() {}, warn() {}, error() {} } });
  let schema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    schema = apiSchema;
  });
  await gateway.load();
  return { supergraph, reloads, refusals, errors, served: () => descriptionIn(schema!) };
}

describe('a supergraph from a file', () => {
  it('serves the file at start and is ready until the gateway stops', async () => {
    const { supergraph, served } = await loadGateway();
    expect(served()).toBe('version 1');
    expect(supergraph.isLoaded()).toBe(true);
    await gateway!.stop();
    expect(supergraph.isLoaded()).toBe(false);
  });

  it('takes a file renamed over the old one, as deploy tools and editors write it', async () => {
    const { reloads, served } = await loadGateway();
    replaceAtomically(describedAs('version 2'));
    await vi.waitFor(() => expect(served()).toBe('version 2'));
    replaceAtomically(describedAs('version 3'));
    await vi.waitFor(() => expect(served()).toBe('version 3'));
    expect(reloads).toHaveLength(2);
  });

  it('takes a file rewritten in place, once for a burst of writes', async () => {
    const { reloads, served } = await loadGateway();
    for (let version = 2; version <= 6; version += 1) writeFileSync(file, describedAs(`version ${version}`));
    await vi.waitFor(() => expect(served()).toBe('version 6'));
    await sleep(DEBOUNCE_MS * 4);
    expect(reloads).toHaveLength(1);
  });

  it('keeps serving the previous supergraph when the new file is invalid, and reports it once', async () => {
    const { supergraph, reloads, refusals, errors, served } = await loadGateway();
    replaceAtomically('type Query {');
    await vi.waitFor(() => expect(refusals).toHaveLength(1));
    expect(errors()).toEqual(['supergraph refused; still serving the previous one']);
    expect(served()).toBe('version 1');
    expect(supergraph.isLoaded()).toBe(true);

    // The same bad content seen again (another event in the folder) is not reported again.
    writeFileSync(join(folder, 'unrelated.txt'), 'x');
    await sleep(DEBOUNCE_MS * 4);
    expect(refusals).toHaveLength(1);

    // A valid supergraph that is not a supergraph at all (no join spec) is refused the same way.
    replaceAtomically('type Query { hello: String }');
    await vi.waitFor(() => expect(refusals).toHaveLength(2));
    expect(served()).toBe('version 1');

    replaceAtomically(describedAs('version 2'));
    await vi.waitFor(() => expect(served()).toBe('version 2'));
    expect(reloads).toHaveLength(1);
  });

  it('ignores events that leave the content as it was', async () => {
    const { reloads } = await loadGateway();
    replaceAtomically(describedAs('version 1'));
    writeFileSync(join(folder, 'neighbour.graphql'), 'x');
    await sleep(DEBOUNCE_MS * 4);
    expect(reloads).toEqual([]);
  });

  it('carries on when the file is removed, and takes it when it comes back', async () => {
    const { refusals, errors, served } = await loadGateway();
    unlinkSync(file);
    await vi.waitFor(() => expect(refusals).toHaveLength(1));
    expect(errors()).toEqual(['supergraph file unreadable; still serving the previous supergraph']);
    expect(served()).toBe('version 1');
    writeFileSync(file, describedAs('version 2'));
    await vi.waitFor(() => expect(served()).toBe('version 2'));
  });

  it('fails the gateway start on a file it cannot serve, never claiming to be ready', async () => {
    await expect(loadGateway({ content: 'type Query {' })).rejects.toThrow();
    gateway = undefined;
    const missing = fileSupergraph(join(folder, 'absent.graphql'), { logger: recordingLogger().logger });
    await expect(new ApolloGateway({ supergraphSdl: missing }).load()).rejects.toThrow(/ENOENT/);
    expect(missing.isLoaded()).toBe(false);
  });
});
