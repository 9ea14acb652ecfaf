import type { PresetName } from './presets';
import type { World } from './types';
import { generateWorld } from './world';

let last: { preset: PresetName; world: WeakRef<World> } | undefined;

/**
 * The world both agencies seed from, generated once while anyone still holds it: a seed command
 * that loads both subgraphs in one process pays for dki2016's few seconds once, and a service that
 * seeded at start lets the garbage collector have it back. Callers must not modify it.
 */
export function sharedWorld(preset: PresetName): Readonly<World> {
  const cached = last?.preset === preset ? last.world.deref() : undefined;
  if (cached) return cached;
  const world = generateWorld(preset);
  last = { preset, world: new WeakRef(world) };
  return world;
}
