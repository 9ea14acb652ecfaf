import { parseArgs } from 'node:util';
import { createJembatanClient, JembatanRequestError, RegisterWorkerDocument, WorkerEnrolmentDocument } from '../src';
import { textTable } from './text-table';

const USAGE = `Usage: node --conditions=jembatan-source -r @swc-node/register schema/client/example/registration-screen.ts
  --url <gateway /graphql URL> --token <dki_hr JWT> --nik <16 digits> --name <name> --unit <unit code>
  --start <YYYY-MM-DD> --wage <Rupiah> [--category PKP|PPSU|KEBERSIHAN] [--wait-seconds 60]
--url and --token may come from JEMBATAN_URL and JEMBATAN_TOKEN instead.`;

/**
 * An HR registration screen as a script: registers one contract worker at Pemprov DKI
 * (RegisterWorker, for HR_ADMINISTRATION), then watches their BPJS Ketenagakerjaan enrolment
 * arrive (WorkerEnrolment, for ENROLMENT) as the agreement's events carry the registration to
 * BPJS and BPJS enrols them by itself. The idempotency key is derived from the NIK, so running
 * the screen again replays the registration instead of failing.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: process.env.JEMBATAN_URL },
      token: { type: 'string', default: process.env.JEMBATAN_TOKEN },
      nik: { type: 'string' },
      name: { type: 'string' },
      unit: { type: 'string' },
      start: { type: 'string' },
      wage: { type: 'string' },
      category: { type: 'string', default: 'PKP' },
      'wait-seconds': { type: 'string', default: '60' },
    },
  });
  const { url, token, nik, name, unit, start, wage } = values;
  if (!url || !token || !nik || !name || !unit || !start || !wage) {
    console.error(`Missing arguments.\n\n${USAGE}`);
    process.exit(2);
  }
  const client = createJembatanClient({ url, token });
  const registered = await client.request(
    RegisterWorkerDocument,
    {
      idempotencyKey: `registration-screen-${nik}`,
      input: {
        nik,
        name,
        category: values.category as 'PKP' | 'PPSU' | 'KEBERSIHAN',
        unitCode: unit,
        contractStart: start,
        monthlyWage: wage,
      },
    },
    { purpose: 'HR_ADMINISTRATION' },
  );
  const worker = registered.registerWorker?.worker;
  console.log(
    `${registered.registerWorker?.replayed ? 'Already registered' : 'Registered'} ${worker?.name} at ${worker?.unit.name}, contract from ${worker?.contractStart}. Waiting for BPJS…`,
  );

  const deadline = Date.now() + Number(values['wait-seconds']) * 1000;
  for (;;) {
    const seen = await enrolmentSoFar(client, nik);
    const enrolments = seen?.bpjs?.enrollments ?? [];
    if (seen?.bpjs && enrolments.length > 0) {
      console.log(`Enrolled at BPJS Ketenagakerjaan as ${seen.bpjs.segment}, KPJ ${seen.bpjs.kpj}:`);
      console.log(
        textTable(
          [{ header: 'Programme' }, { header: 'Since' }, { header: 'Until' }],
          enrolments.map((e) => [e.program, e.since, e.until ?? '–']),
        ),
      );
      return;
    }
    if (Date.now() > deadline) {
      console.error('Not enrolled yet: the registration is on its way to BPJS (see coverageGaps for who is waiting).');
      process.exit(3);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Agencies that are briefly away while the screen waits: it says so and keeps waiting. */
const TRANSIENT = new Set(['SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_TIMEOUT', 'RATE_LIMITED']);

/** The worker as both agencies see them now; undefined while one of them is briefly unreachable. */
async function enrolmentSoFar(client: ReturnType<typeof createJembatanClient>, nik: string) {
  try {
    return (await client.request(WorkerEnrolmentDocument, { nik }, { purpose: 'ENROLMENT' })).worker;
  } catch (error) {
    if (!(error instanceof JembatanRequestError) || !TRANSIENT.has(error.code)) throw error;
    console.error(`(${error.code}: still waiting)`);
    return undefined;
  }
}

main().catch((error: unknown) => {
  if (error instanceof JembatanRequestError) console.error(`${error.code}: ${error.message}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
