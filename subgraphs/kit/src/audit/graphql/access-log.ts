import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../errors/jembatan-error';
import type { RequestContext } from '../../context';
import { requireNik, requireText } from '../../validation';
import { readAccessLog, type AuditRecord } from '../access-log';
import { AccessRecord } from './access-record.type';

const MAX_RECORDS = 500;

/** Which trail an AccessLog stands for: one person's (by NIK) or one caller's. */
type AccessLogKey = { nik: string } | { caller: string };

const keyOf = (id: string): AccessLogKey =>
  id.startsWith('nik:') ? { nik: id.slice('nik:'.length) } : { caller: id.slice('caller:'.length) };

export interface AccessLogOptions {
  /** The GraphQL field this agency adds to AccessLog, e.g. "workforce". */
  agencyField: string;
  agency: string;
  /** Other identifiers the agency knows the person by (BPJS: their KPJ), so their records are found too. */
  identifiersOfNik?: (nik: string, context: RequestContext<unknown>) => Promise<string[]>;
}

/**
 * The audit trail as a federated entity: `accessLog(nik:)` and `accessLogOfCaller(subject:)` are
 * answered by every agency (shareable), and each adds its own field with the records of its own
 * trail, so one query shows who looked at a person across all agencies.
 */
export function createAccessLogSchema(options: AccessLogOptions) {
  @Directive('@key(fields: "id")')
  @ObjectType('AccessLog', {
    description: "Who read a person's data, or what one caller read: each agency adds its own trail.",
  })
  class AccessLog {
    @Field(() => ID, { description: '"nik:<NIK>" for a data subject, "caller:<subject>" for a caller.' })
    id: string;
  }

  @Resolver(() => AccessLog)
  class AccessLogResolver {
    @Directive('@shareable')
    @Query(() => AccessLog, {
      description: 'Who looked at this person, when and why, in every agency (auditor; AUDIT or DATA_SUBJECT_REQUEST).',
    })
    accessLog(@Arg('nik', { description: "The data subject's 16-digit NIK." }) nik: string): AccessLog {
      return { id: `nik:${requireNik(nik, 'nik')}` };
    }

    @Directive('@shareable')
    @Query(() => AccessLog, { description: 'Whose data one caller read, in every agency (auditor; AUDIT).' })
    accessLogOfCaller(
      @Arg('subject', { description: "The subject of the caller's token." }) subject: string,
    ): AccessLog {
      return { id: `caller:${requireText(subject, 'subject', { what: 'a caller subject', maxLength: 256 })}` };
    }

    @FieldResolver(() => [AccessRecord], {
      name: options.agencyField,
      nullable: true,
      description: `Records of the ${options.agency} audit trail, newest first.`,
    })
    async records(
      @Root() log: AccessLog,
      @Ctx() context: RequestContext<unknown>,
      @Arg('first', () => Int, { defaultValue: 50, description: `How many records: 1 to ${MAX_RECORDS}.` })
      first: number,
      @Arg('before', () => ID, { nullable: true, description: 'Only records older than this record id (paging).' })
      before?: string | null,
    ): Promise<AccessRecord[]> {
      if (first < 1 || first > MAX_RECORDS) {
        throw badInput('PAGE_SIZE_OUT_OF_RANGE', `first must be 1 to ${MAX_RECORDS}`, 'first');
      }
      if (before != null && !/^[1-9]\d{0,15}$/.test(before))
        throw badInput('BAD_USER_INPUT', 'before is not a record id', 'before');
      const key = keyOf(log.id);
      // Under DATA_SUBJECT_REQUEST a caller's trail too shows only the records about the data subject.
      const person = 'nik' in key ? key.nik : context.dataSubject;
      const subjects = person
        ? [`nik:${person}`, ...((await options.identifiersOfNik?.(person, context)) ?? [])]
        : undefined;
      const records = await readAccessLog(context.database, {
        subjects,
        callerSubject: 'caller' in key ? key.caller : undefined,
        first,
        afterSeq: before == null ? undefined : Number(before),
      });
      return records.map((record) => toAccessRecord(record, options.agency, subjects));
    }
  }

  return {
    resolvers: [AccessLogResolver] as const,
    referenceResolver: (representation: Record<string, unknown>) => ({ id: String(representation.id) }),
  };
}

function toAccessRecord(record: AuditRecord, agency: string, onlySubjects: string[] | undefined): AccessRecord {
  const { seq, subjects, callerRoles, fields, changes, ...rest } = record;
  return {
    ...rest,
    id: String(seq),
    agency,
    callerRoles: [...callerRoles],
    fields: [...fields],
    changes: [...changes],
    // A data subject's request shows them their own identifiers, not the others read alongside.
    subjects: onlySubjects ? subjects.filter((subject) => onlySubjects.includes(subject)) : [...subjects],
  };
}
