import { assignClaimIds, fileClaims, fitClaimTotal, type ClaimPlan } from './claims';
import { compareText } from './compare-text';
import { employWageEarners } from './employers';
import { KpjRegistry } from './kpj';
import { enrollInJkp, generateOtherParticipants, registerWorkers } from './participants';
import { PeopleRegistry } from './people';
import { JKP_SINCE } from './policy';
import { PRESET_PARAMS, PRESETS, type PresetName, type WorldParams } from './presets';
import { Random } from './random';
import type { World } from './types';
import { planUnits } from './units';
import { generateWorkers } from './workers';

/** The world of a named preset; the same preset always gives the same rows, byte for byte. */
export function generateWorld(preset: PresetName): World {
  if (!PRESETS.includes(preset)) {
    throw new Error(`Unknown seed preset "${String(preset)}"; known: ${PRESETS.join(', ')}`);
  }
  return buildWorld(preset, PRESET_PARAMS[preset]);
}

/**
 * Builds a world in the order things happened: units, workers and their 2015–2016 registration,
 * other participants, claims filed before JKP existed, JKP enrolment in 2022, later claims, and
 * the employers of the wage earners. Each
 * step draws from its own random stream.
 */
export function buildWorld(name: string, params: WorldParams): World {
  const random = Random.fromSeed(params.seed);
  const people = new PeopleRegistry(random.fork('people'));
  const kpjs = new KpjRegistry(random.fork('kpj'));

  const plannedUnits = planUnits(params.units);
  const units = plannedUnits.map((u) => u.unit);
  const generatedWorkers = generateWorkers(random.fork('workers'), plannedUnits, people, params.workers);
  const records = [
    ...registerWorkers(generatedWorkers, new Map(units.map((u) => [u.code, u])), kpjs),
    ...generateOtherParticipants(random.fork('participants'), people, kpjs, params.otherParticipants),
  ];

  const claimed = new Set<string>();
  const before = (plan: ClaimPlan) => plan.filedTo < JKP_SINCE;
  const drafts = fileClaims(random.fork('claims/before-jkp'), records, params.claims.filter(before), claimed);
  for (const total of params.claimTotals) fitClaimTotal(drafts, total);
  enrollInJkp(random.fork('jkp'), records, params.jkpShare);
  drafts.push(
    ...fileClaims(
      random.fork('claims/after-jkp'),
      records,
      params.claims.filter((plan) => !before(plan)),
      claimed,
    ),
  );

  // Last, so that it can pick employers' anchors among the wage earners still active.
  const employers = employWageEarners(random.fork('employers'), records, params.employers);

  // KPJs are unique, so sorting the records once orders participants and enrolments alike.
  records.sort((a, b) => compareText(a.participant.kpj, b.participant.kpj));
  return {
    preset: name,
    units: units.sort((a, b) => compareText(a.code, b.code)),
    workers: generatedWorkers.map((w) => w.worker).sort((a, b) => compareText(a.nik, b.nik)),
    employers: employers.sort((a, b) => compareText(a.npp, b.npp)),
    participants: records.map((r) => r.participant),
    enrollments: records.flatMap((r) => [...r.enrollments].sort((a, b) => compareText(a.program, b.program))),
    claims: assignClaimIds(random.fork('claim-ids'), drafts).sort((a, b) => compareText(a.id, b.id)),
  };
}
