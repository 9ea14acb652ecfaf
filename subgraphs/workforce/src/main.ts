import '@jembatan/kit/refuse-stale-build';
import { tracing } from './tracing';
import 'reflect-metadata';
import { resolve } from 'node:path';
import { runSubgraphMain } from '@jembatan/kit';
import { workforceSubgraph } from './server';

runSubgraphMain(workforceSubgraph, resolve(__dirname, '../../../data/workforce'), tracing);
