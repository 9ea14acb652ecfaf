/** Pemprov DKI's contract categories, as both agencies name them (the kit registers the enum once). */
export { WorkerCategory } from '@jembatan/kit';
