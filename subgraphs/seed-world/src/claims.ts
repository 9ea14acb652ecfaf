import { apportion } from './apportion';
import { compareText } from './compare-text';
import { addMonths, addYears, maxDate, minDate, randomDate, toDayNumber, type IsoDate } from './dates';
import type { ParticipantRecord } from './participants';
import {
  CONTRIBUTION_RATES,
  JKP_BENEFIT_WAGE_MULTIPLE,
  JKP_QUALIFYING_MONTHS,
  JKP_WAGE_CAP,
  JP_RETIREMENT_AGE,
  jkmBenefit,
  jpWageCap,
} from './policy';
import type { Random } from './random';
import { savingsBalance } from './savings';
import type { ClaimStatus, Program, WorldClaim, WorldEnrollment } from './types';
import { wageOn } from './wages';

export interface ClaimPlan {
  program: Program;
  count: number;
  /** Claims are filed on a date in [filedFrom, filedTo]. */
  filedFrom: IsoDate;
  filedTo: IsoDate;
  /** When set, amounts are scaled to sum to exactly this (presets with published totals). */
  totalAmount?: number;
}

/**
 * A published grand total for the claims filed in a period (the article's Rp504 bn for DKI in
 * 2016). The programme named by `absorbedBy` takes whatever the other programmes' claims leave, so
 * the total comes out exact while every other programme keeps its own amounts.
 */
export interface ClaimTotal {
  filedFrom: IsoDate;
  filedTo: IsoDate;
  amount: number;
  absorbedBy: Program;
}

/** A claim before it gets its id, still linked to its participant. */
export interface DraftClaim {
  record: ParticipantRecord;
  program: Program;
  filedOn: IsoDate;
  status: ClaimStatus;
  amount: number;
}

interface ProgramRule {
  /** Who may claim at all, beyond being enrolled in the programme. */
  eligible(record: ParticipantRecord): boolean;
  /** Earliest filing date given the enrolment. */
  earliestFiling(record: ParticipantRecord, enrollment: WorldEnrollment): IsoDate;
  amount(random: Random, record: ParticipantRecord, enrollment: WorldEnrollment, filedOn: IsoDate): number;
  /** Set by regulation, so a preset's total cannot rescale it. */
  fixedAmount: boolean;
  /** Paying the claim ends the membership: a death, a full JHT payout, a JP lump sum at retirement. */
  endsMembership: boolean;
}

/** JKK pays medical care without a ceiling plus wage replacement, so amounts spread widely. */
export const JKK_AMOUNT = { median: 6_000_000, sigma: 1.2, min: 250_000, max: 200_000_000 } as const;

const RULES: Readonly<Record<Program, ProgramRule>> = {
  JHT: {
    eligible: () => true,
    // A full payout after leaving a job comes after a one-month waiting period.
    earliestFiling: (_, e) => addMonths(e.since, 1),
    amount: (_, record, e, filedOn) =>
      savingsBalance(
        record.participant.segment === 'PU' ? CONTRIBUTION_RATES.JHT_PU : CONTRIBUTION_RATES.JHT_BPU,
        record.wageIn2016,
        e.since,
        filedOn,
      ),
    fixedAmount: false,
    endsMembership: true,
  },
  JKK: {
    eligible: () => true,
    earliestFiling: (_, e) => e.since,
    amount: (random) =>
      Math.round(
        Math.min(JKK_AMOUNT.max, Math.max(JKK_AMOUNT.min, random.logNormal(JKK_AMOUNT.median, JKK_AMOUNT.sigma))),
      ),
    fixedAmount: false,
    endsMembership: false,
  },
  JKM: {
    // A Pemprov worker's death would also end a contract in the workforce slice; keeping JKM
    // claims to other participants keeps the two agencies' slices independent.
    eligible: (record) => record.participant.registrarUnitCode === null,
    earliestFiling: (_, e) => e.since,
    amount: (_, __, ___, filedOn) => jkmBenefit(filedOn),
    fixedAmount: true,
    endsMembership: true,
  },
  JP: {
    // Nobody had the 15 years a monthly pension needs; 2016 claims are lump sums at retirement.
    eligible: () => true,
    earliestFiling: (record, e) => maxDate(addMonths(e.since, 1), addYears(record.person.birthDate, JP_RETIREMENT_AGE)),
    amount: (_, record, e, filedOn) =>
      savingsBalance(CONTRIBUTION_RATES.JP, record.wageIn2016, e.since, filedOn, jpWageCap),
    fixedAmount: false,
    endsMembership: true,
  },
  JKP: {
    eligible: () => true,
    earliestFiling: (_, e) => addMonths(e.since, JKP_QUALIFYING_MONTHS),
    amount: (_, record, __, filedOn) =>
      Math.round(JKP_BENEFIT_WAGE_MULTIPLE * Math.min(wageOn(record.wageIn2016, filedOn), JKP_WAGE_CAP)),
    fixedAmount: false,
    endsMembership: false,
  },
};

/**
 * Files the planned claims, each by a participant enrolled in the programme on the filing date and
 * who has not claimed before (one claim per participant keeps the story of each person simple).
 * Plans run in the order given, so list the scarcest claimants (JP, JKM) first.
 */
export function fileClaims(
  random: Random,
  records: readonly ParticipantRecord[],
  plans: readonly ClaimPlan[],
  alreadyClaimed: Set<string>,
): DraftClaim[] {
  return plans.flatMap((plan) => {
    const rule = RULES[plan.program];
    const candidates = records.flatMap((record) => {
      if (alreadyClaimed.has(record.participant.kpj) || !rule.eligible(record)) return [];
      const window = filingWindow(record, rule, plan);
      return window ? [{ record, ...window }] : [];
    });
    if (candidates.length < plan.count) {
      throw new Error(`${plan.program} plan needs ${plan.count} claimants but only ${candidates.length} qualify`);
    }
    const drafts = random.sample(candidates, plan.count).map(({ record, enrollment, from, to }) => {
      alreadyClaimed.add(record.participant.kpj);
      const filedOn = randomDate(random, from, to);
      return {
        record,
        program: plan.program,
        filedOn,
        status: statusFor(random, filedOn, plan.filedTo),
        amount: rule.amount(random, record, enrollment, filedOn),
        enrollment,
      };
    });
    if (plan.totalAmount !== undefined) fitAmounts(drafts, plan, rule);
    for (const draft of drafts) {
      if (rule.endsMembership && draft.status === 'PAID') endMembership(draft.record, draft.filedOn);
    }
    return drafts.map(({ enrollment: _, ...draft }) => draft);
  });
}

/**
 * Numbers claims per filing year in filing order, as a national counter would: DKI's claims are
 * a share of all claims, so consecutive DKI ids leave gaps.
 */
export function assignClaimIds(random: Random, drafts: readonly DraftClaim[]): WorldClaim[] {
  const ordered = [...drafts].sort(
    (a, b) =>
      compareText(a.filedOn, b.filedOn) ||
      compareText(a.record.participant.kpj, b.record.participant.kpj) ||
      compareText(a.program, b.program),
  );
  const counters = new Map<string, number>();
  return ordered.map((draft) => {
    const year = draft.filedOn.slice(0, 4);
    const next = (counters.get(year) ?? 0) + random.int(1, 25);
    counters.set(year, next);
    return {
      id: `KLM-${year}-${String(next).padStart(7, '0')}`,
      kpj: draft.record.participant.kpj,
      program: draft.program,
      filedOn: draft.filedOn,
      status: draft.status,
      amount: String(draft.amount),
      regionCode: draft.record.branchRegionCode,
    };
  });
}

function filingWindow(
  record: ParticipantRecord,
  rule: ProgramRule,
  plan: ClaimPlan,
): { enrollment: WorldEnrollment; from: IsoDate; to: IsoDate } | null {
  for (const enrollment of record.enrollments) {
    if (enrollment.program !== plan.program) continue;
    const from = maxDate(plan.filedFrom, rule.earliestFiling(record, enrollment));
    const to = enrollment.until === null ? plan.filedTo : minDate(plan.filedTo, enrollment.until);
    if (from <= to) return { enrollment, from, to };
  }
  return null;
}

/** Claims take weeks to verify and pay, so only recent ones can still be open. */
const OPEN_CLAIM_DAYS = 30;
const REJECTED_SHARE = 0.07;

function statusFor(random: Random, filedOn: IsoDate, lastFilingDay: IsoDate): ClaimStatus {
  if (toDayNumber(lastFilingDay) - toDayNumber(filedOn) < OPEN_CLAIM_DAYS) {
    return random.weighted<ClaimStatus>([
      ['PAID', 4],
      ['VERIFIED', 3],
      ['SUBMITTED', 3],
    ]);
  }
  return random.chance(REJECTED_SHARE) ? 'REJECTED' : 'PAID';
}

/** Rescales the absorbing programme's claims in the period so that all claims there sum to the total. */
export function fitClaimTotal(drafts: readonly DraftClaim[], total: ClaimTotal): void {
  const inPeriod = drafts.filter((d) => d.filedOn >= total.filedFrom && d.filedOn <= total.filedTo);
  const absorbing = inPeriod.filter((d) => d.program === total.absorbedBy);
  const others = inPeriod.reduce((sum, d) => (d.program === total.absorbedBy ? sum : sum + d.amount), 0);
  const remainder = total.amount - others;
  if (RULES[total.absorbedBy].fixedAmount || absorbing.length === 0 || remainder < absorbing.length) {
    throw new Error(`${total.absorbedBy} claims cannot absorb the Rp${remainder} left of Rp${total.amount}`);
  }
  scaleAmounts(absorbing, remainder);
}

function fitAmounts(drafts: { amount: number }[], plan: ClaimPlan, rule: ProgramRule): void {
  const total = plan.totalAmount ?? 0;
  const current = drafts.reduce((sum, d) => sum + d.amount, 0);
  if (rule.fixedAmount && current !== total) {
    throw new Error(`${plan.program} amounts are fixed by regulation and cannot sum to ${total}`);
  }
  scaleAmounts(drafts, total);
}

/** Whole-Rupiah amounts in the same proportions as before, summing to exactly `total`. */
function scaleAmounts(drafts: readonly { amount: number }[], total: number): void {
  const fitted = apportion(
    total,
    drafts.map((d) => d.amount),
  );
  drafts.forEach((draft, index) => {
    draft.amount = fitted[index] ?? draft.amount;
  });
}

/** A paid death, full JHT or JP lump-sum claim closes every programme on the filing date. */
function endMembership(record: ParticipantRecord, on: IsoDate): void {
  record.enrollments = record.enrollments
    .filter((e) => e.since <= on)
    .map((e) => (e.until === null || e.until > on ? { ...e, until: on } : e));
}
