import type { RequestContext } from '@jembatan/kit';
import type { WorkforceLoaders } from './loaders';

export type WorkforceContext = RequestContext<WorkforceLoaders>;
