import { JP_START } from '@jembatan/seed-world';
import { Program, Segment } from '../types/enums';

/** The categories of Pemprov DKI contract workers BPJS enrols collectively (design.md's WorkerCategory). */
export type WorkerCategory = 'PKP' | 'PPSU' | 'KEBERSIHAN';
export const WORKER_CATEGORIES: readonly WorkerCategory[] = ['PKP', 'PPSU', 'KEBERSIHAN'];

/** Which programmes each segment may join (domain.md §0.3, §2.7): BPU never JP or JKP. */
export const SEGMENT_PROGRAMS: Readonly<Record<Segment, readonly Program[]>> = {
  [Segment.PU]: [Program.JKK, Program.JKM, Program.JHT, Program.JP, Program.JKP],
  [Segment.BPU]: [Program.JKK, Program.JKM, Program.JHT],
  [Segment.JAKON]: [Program.JKK, Program.JKM],
  [Segment.PMI]: [Program.JKK, Program.JKM, Program.JHT],
};

/**
 * The first day each programme existed: JP from 1 July 2015 (PP 45/2015), JKP from February 2021
 * (PP 37/2021). JKK, JKM and JHT date from the Jamsostek era, before any record here.
 */
export const PROGRAM_OPENS: Readonly<Partial<Record<Program, string>>> = {
  [Program.JP]: JP_START,
  [Program.JKP]: '2021-02-01',
};

/**
 * The earliest cover Pemprov DKI's collective registration gives each category, per programme
 * (domain.md §1, §4.4). PKP: JKK and JKM from the MoU of March 2016, JHT from 2017. PPSU and
 * Dinas Kebersihan field workers: JKK and JKM under Instruksi Gubernur 288/2015, whose own date
 * our sources do not give; we take 1 July 2015, as the seed world does (PP 44/2015, which set the
 * BPU rules, took effect that day, and the first PPSU contracts began in June 2015). Assumption:
 * JHT through DKI's registration follows the agreement's 2017 rule for every category, since the
 * instruction of 2015 covered only the two accident and death programmes.
 */
export const COLLECTIVE_COVER_STARTS: Readonly<Record<WorkerCategory, Readonly<Record<string, string>>>> = {
  PKP: { [Program.JKK]: '2016-03-01', [Program.JKM]: '2016-03-01', [Program.JHT]: '2017-01-01' },
  PPSU: { [Program.JKK]: '2015-07-01', [Program.JKM]: '2015-07-01', [Program.JHT]: '2017-01-01' },
  KEBERSIHAN: { [Program.JKK]: '2015-07-01', [Program.JKM]: '2015-07-01', [Program.JHT]: '2017-01-01' },
};

/**
 * The programmes DKI's registration gives a category when the request names none: PKP all three
 * a BPU may take (the March 2016 agreement), PPSU and Kebersihan crews JKK and JKM (Instruksi
 * Gubernur 288/2015); JHT stays open to them on request, from 2017.
 */
export const AGREEMENT_PROGRAMS: Readonly<Record<WorkerCategory, readonly Program[]>> = {
  PKP: SEGMENT_PROGRAMS[Segment.BPU],
  PPSU: [Program.JKK, Program.JKM],
  KEBERSIHAN: [Program.JKK, Program.JKM],
};

export function isWorkerCategory(value: string): value is WorkerCategory {
  return (WORKER_CATEGORIES as readonly string[]).includes(value);
}
