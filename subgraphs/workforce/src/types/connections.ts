import { ConnectionType } from '@jembatan/kit';
import { Unit } from './unit.type';
import { Worker } from './worker.type';

export const UnitConnection = ConnectionType(Unit, 'Unit', 'A page of work units, ordered by code.');
export const WorkerConnection = ConnectionType(Worker, 'Worker', 'A page of contract workers, ordered by NIK.');
