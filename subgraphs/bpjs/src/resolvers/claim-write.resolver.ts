import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { DateScalar, requireExpectedVersion, requireKpj, RupiahScalar, runWrite, todayInJakarta } from '@jembatan/kit';
import type { BpjsContext } from '../context';
import { IDEMPOTENCY_KEY, kpjSubjects } from './write-arguments';
import { ClaimChange, ClaimStatus, Program } from '../types';
import { requireClaimId } from '../validation/require-claim-id';
import {
  requireBranchRegion,
  requireClaimAmount,
  requireNotFuture,
  requireReason,
} from '../validation/require-write-input';
import { decideClaim, fileClaim, type ClaimDecision, type ClaimRecord } from '../writes';

const EXPECTED_VERSION = { description: "The claim's version you read." };
const CLAIM_ID = { description: 'The claim reference, e.g. "KLM-2016-0000022".' };

/**
 * Filing and deciding claims, for bpjs_officer with the purpose CLAIM_VERIFICATION. A decision is
 * three mutations rather than one `decideClaim(to:)`: each asks for exactly what its step needs
 * (an amount to pay, a reason to reject), so a client cannot send a payment without an amount or
 * a rejection with one, and each can be granted on its own.
 */
@Resolver()
export class ClaimWriteResolver {
  @Mutation(() => ClaimChange, {
    description:
      "Files a claim, SUBMITTED, for a programme that covered the participant on the incident date (NOT_COVERED otherwise); a JKM claim at the statutory amount of the death's date (CLAIM_AMOUNT_INVALID otherwise: Rp21, 24 or 42 juta).",
  })
  async fileClaim(
    @Ctx() ctx: BpjsContext,
    @Arg('kpj', () => ID, { description: "The participant's KPJ." }) kpj: string,
    @Arg('program', () => Program, { description: 'The programme claimed under.' }) program: Program,
    @Arg('incidentDate', () => DateScalar, { description: 'Day of the accident, death or other event claimed for.' })
    incidentDate: string,
    @Arg('amount', () => RupiahScalar, { description: 'The benefit claimed, in whole Rupiah.' }) amount: string,
    @Arg('regionCode', { description: 'The branch office\'s city or regency ("31.74") or province ("31").' })
    regionCode: string,
    @Arg('idempotencyKey', IDEMPOTENCY_KEY) idempotencyKey: string,
    @Arg('filedOn', () => DateScalar, {
      nullable: true,
      description: 'The day the branch took the claim, when keying in a paper filing; today when omitted.',
    })
    filedOn?: string | null,
  ): Promise<ClaimChange> {
    const input = { kpj, program, incidentDate, amount, regionCode, filedOn: filedOn ?? null };
    const outcome = await runWrite<ClaimRecord>(
      ctx,
      {
        mutation: 'Mutation.fileClaim',
        idempotencyKey,
        input,
        attempt: {
          subjects: kpjSubjects(kpj),
          fields: ['Claim.program', 'Claim.amount', 'Claim.incidentDate', 'Claim.status'],
        },
      },
      (transaction) => {
        const today = todayInJakarta();
        return fileClaim(transaction, {
          kpj: requireKpj(kpj, 'kpj'),
          program,
          incidentDate,
          amount: requireClaimAmount(amount, 'amount'),
          regionCode: requireBranchRegion(regionCode, 'regionCode'),
          filedOn: requireNotFuture(filedOn ?? today, today, 'filedOn'),
        });
      },
    );
    return { claim: outcome.result, replayed: outcome.replayed };
  }

  @Mutation(() => ClaimChange, { description: 'SUBMITTED → VERIFIED: the documents are checked.' })
  verifyClaim(
    @Ctx() ctx: BpjsContext,
    @Arg('id', () => ID, CLAIM_ID) id: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number,
    @Arg('idempotencyKey', IDEMPOTENCY_KEY) idempotencyKey: string,
  ): Promise<ClaimChange> {
    return this.decide(ctx, 'Mutation.verifyClaim', { id, expectedVersion, idempotencyKey }, () => ({
      to: ClaimStatus.VERIFIED,
    }));
  }

  @Mutation(() => ClaimChange, {
    description:
      "VERIFIED → PAID, at the amount paid (a JKM claim at the statutory amount of the death's date: CLAIM_AMOUNT_INVALID otherwise).",
  })
  payClaim(
    @Ctx() ctx: BpjsContext,
    @Arg('id', () => ID, CLAIM_ID) id: string,
    @Arg('amount', () => RupiahScalar, { description: 'The benefit paid, in whole Rupiah.' }) amount: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number,
    @Arg('idempotencyKey', IDEMPOTENCY_KEY) idempotencyKey: string,
  ): Promise<ClaimChange> {
    return this.decide(ctx, 'Mutation.payClaim', { id, expectedVersion, idempotencyKey, amount }, () => ({
      to: ClaimStatus.PAID,
      amount: requireClaimAmount(amount, 'amount'),
    }));
  }

  @Mutation(() => ClaimChange, {
    description: 'SUBMITTED or VERIFIED → REJECTED, with the reason (1 to 500 characters).',
  })
  rejectClaim(
    @Ctx() ctx: BpjsContext,
    @Arg('id', () => ID, CLAIM_ID) id: string,
    @Arg('reason', { description: 'Why the claim is rejected: 1 to 500 characters.' }) reason: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number,
    @Arg('idempotencyKey', IDEMPOTENCY_KEY) idempotencyKey: string,
  ): Promise<ClaimChange> {
    return this.decide(ctx, 'Mutation.rejectClaim', { id, expectedVersion, idempotencyKey, reason }, () => ({
      to: ClaimStatus.REJECTED,
      reason: requireReason(reason, 'reason'),
    }));
  }

  /** The three decisions: one write each, checked inside it so a refusal is recorded as an attempt. */
  private async decide(
    ctx: BpjsContext,
    mutation: `Mutation.${string}`,
    {
      idempotencyKey,
      ...input
    }: { id: string; expectedVersion: number; idempotencyKey: string; amount?: string; reason?: string },
    decision: () => ClaimDecision,
  ): Promise<ClaimChange> {
    const outcome = await runWrite<ClaimRecord>(
      ctx,
      {
        mutation,
        idempotencyKey,
        input,
        attempt: {
          // Whose claim it is takes a read the refused attempt may not make: the record names the claim's fields only.
          subjects: [],
          fields: [
            'Claim.status',
            ...(input.amount ? ['Claim.amount'] : []),
            ...(input.reason ? ['Claim.rejectionReason'] : []),
          ],
        },
      },
      (transaction) =>
        decideClaim(transaction, {
          id: requireClaimId(input.id, 'id'),
          expectedVersion: requireExpectedVersion(input.expectedVersion),
          decision: decision(),
          decidedOn: todayInJakarta(),
        }),
    );
    return { claim: outcome.result, replayed: outcome.replayed };
  }
}
