import '@jembatan/kit/refuse-stale-build';
import { tracing } from './tracing';
import 'reflect-metadata';
import { resolve } from 'node:path';
import { runSubgraphMain } from '@jembatan/kit';
import { bpjsSubgraph } from './server';

runSubgraphMain(bpjsSubgraph, resolve(__dirname, '../../../data/bpjs'), tracing);
