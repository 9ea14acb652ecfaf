import { describe, expect, it } from 'vitest';
import { operationNameFor } from '../operation-name';

const TWO = 'query ClaimsByProgram { claimStatistics { count } } query UnitDirectory { units { totalCount } }';

describe('operationNameFor', () => {
  it('keeps a requested name the document defines', () => {
    expect(operationNameFor(TWO, 'UnitDirectory')).toBe('UnitDirectory');
  });

  it("takes the document's only operation when the name is another tab's, as after a quick tab switch", () => {
    expect(
      operationNameFor('query WorkerEnrolment($nik: String!) { worker(nik: $nik) { nik } }', 'ClaimsByProgram'),
    ).toBe('WorkerEnrolment');
  });

  it('sends no name for an anonymous operation, whatever was requested', () => {
    expect(operationNameFor('{ units { totalCount } }', 'ClaimsByProgram')).toBeUndefined();
  });

  it('sends no name when the document has several operations and none is the requested one', () => {
    expect(operationNameFor(TWO, 'WorkerEnrolment')).toBeUndefined();
    expect(operationNameFor(TWO, null)).toBeUndefined();
  });

  it('leaves a document that does not parse to the gateway, with the name as requested', () => {
    expect(operationNameFor('query Broken {', 'Broken')).toBe('Broken');
  });
});
