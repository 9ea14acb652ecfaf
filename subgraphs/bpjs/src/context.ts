import type { RequestContext } from '@jembatan/kit';
import type { BpjsLoaders } from './loaders';

export type BpjsContext = RequestContext<BpjsLoaders>;
