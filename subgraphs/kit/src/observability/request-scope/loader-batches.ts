import { observeLoaderBatches } from '../../loaders/batch-by-key';
import { currentRequestScope } from './request-scope';

/**
 * Records the size of every DataLoader batch in the scope of the request that resolved it. A
 * batch function runs in the async context of the request whose `load` scheduled it (loaders
 * are per request), so the scope is current there. One observer serves every service of the
 * process: it only forwards to whichever request is current.
 */
export function attributeLoaderBatchesToRequests(): void {
  observeLoaderBatches((keys) => currentRequestScope()?.loaderBatchSizes.push(keys));
}
