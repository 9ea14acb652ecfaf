export * from './unit.entity';
export * from './worker.entity';

import { UnitEntity } from './unit.entity';
import { WorkerEntity } from './worker.entity';

export const workforceEntities = [UnitEntity, WorkerEntity];
