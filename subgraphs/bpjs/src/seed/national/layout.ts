import { apportion, PMI_JHT_SHARE, PRESET_PARAMS } from '@jembatan/seed-world';
import { BLOCK_SPECS, type BlockKind, type BlockSpec } from './blocks';
import type { NationalSize } from './national-size';

/** What the DKI rows already loaded (the dki2016 world) contribute to the national figures. */
export interface LoadedFigures {
  activeParticipants: number;
  employers: number;
}

export interface Block extends BlockSpec {
  /** National row number (0-based, across all blocks) of the block's first participant. */
  first: number;
  count: number;
  /** Days in the birth window: a member's birth date and NIK serial are a bijection of its row. */
  birthDays: number;
  /** The block's NIK serials are firstSerial … firstSerial + serials − 1, disjoint from other blocks'. */
  firstSerial: number;
  serials: number;
}

export interface NationalLayout {
  /** Employers to generate (outside DKI). */
  employers: number;
  /** Participants to generate (outside DKI), active or not. */
  participants: number;
  /** Of them, active. */
  activeParticipants: number;
  claims: number;
  blocks: readonly Block[];
}

/**
 * Registered participants by segment, as in the dki2016 world's other participants (PU 86%,
 * BPU 7%, JAKON 4%, PMI 3%); half the PMI keep an open JHT. Everyone else in the active share is
 * active, so the generated population is the active target divided by that share.
 */
const SHARES = PRESET_PARAMS.dki2016.otherParticipants.segmentShares;
const ACTIVE_SHARE = SHARES.PU + SHARES.BPU + SHARES.PMI * PMI_JHT_SHARE;

/**
 * Claims filed nationally from New Year to the MoU of 15 March 2016, per active participant: DKI
 * filed 35,452 for about 3.8 million active workers (0.93%); elsewhere, with the 2015 JHT rule
 * change still driving resignations, we take 1.35%: about 254,000 claims outside DKI [U]. They are
 * split between the programmes as DKI's were.
 */
export const CLAIMS_PER_ACTIVE_PARTICIPANT = 0.0135;
const DKI_CLAIM_MIX = { JHT: 34_685, JKK: 474, JKM: 239, JP: 54 } as const;

const NIK_SERIAL_LIMIT = 9999;

export function nationalLayout(size: NationalSize, loaded: LoadedFigures): NationalLayout {
  const active = size.activeParticipants - loaded.activeParticipants;
  const employers = size.employers - loaded.employers;
  if (active <= 0 || employers <= 0) {
    throw new Error(
      `The national size (${size.activeParticipants} active, ${size.employers} employers) must exceed what DKI already holds (${loaded.activeParticipants}, ${loaded.employers})`,
    );
  }
  const claims = Math.round(active * CLAIMS_PER_ACTIVE_PARTICIPANT);
  const [jht = 0, jkk = 0, jkm = 0, jp = 0] = apportion(claims, Object.values(DKI_CLAIM_MIX));
  const ofActive = (share: number) => Math.round((active * share) / ACTIVE_SHARE);
  const bpu = ofActive(SHARES.BPU);
  const activePmi = ofActive(SHARES.PMI * PMI_JHT_SHARE);
  const activePu = active - bpu - activePmi - jkk;
  // The first wage earners each anchor one employer, so that every employer has someone active.
  if (activePu < employers) {
    throw new Error(`${employers} employers need as many active wage earners, but only ${activePu} would exist`);
  }
  const counts: readonly (readonly [BlockKind, number])[] = [
    ['active-pu', activePu],
    ['jkk-claimant', jkk],
    ['active-bpu', bpu],
    ['active-pmi', activePmi],
    ['jakon', ofActive(SHARES.JAKON)],
    ['ended-pmi', ofActive(SHARES.PMI * (1 - PMI_JHT_SHARE))],
    ['jht-leaver', jht],
    ['jkm-leaver', jkm],
    ['jp-leaver', jp],
  ];
  const blocks: Block[] = [];
  let first = 0;
  let firstSerial = 1;
  for (const [kind, count] of counts) {
    const spec = BLOCK_SPECS[kind];
    const birthDays = daysBetween(spec.births.from, spec.births.to) + 1;
    const serials = Math.max(1, Math.ceil(count / birthDays));
    blocks.push({ ...spec, first, count, birthDays, firstSerial, serials });
    first += count;
    firstSerial += serials;
  }
  if (firstSerial - 1 > NIK_SERIAL_LIMIT) {
    throw new Error(`${first} participants need ${firstSerial - 1} NIK serials per birth date; 9999 exist`);
  }
  return { employers, participants: first, activeParticipants: active, claims, blocks };
}

export function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}
