import { describe, expect, it } from 'vitest';
import { operationCallerOf } from '../operation-caller';

describe('operationCallerOf', () => {
  it("reads the role and purpose from the operation's header comment", () => {
    const source =
      '# Who works where.\n# Run as: dki_hr, purpose HR_ADMINISTRATION\nquery Staff { units { totalCount } }\n';
    expect(operationCallerOf(source)).toEqual({ role: 'dki_hr', purpose: 'HR_ADMINISTRATION' });
  });

  it('finds none in an operation without the line', () => {
    expect(operationCallerOf('# Totals.\nquery Totals { workforceStatistics { workerCount } }')).toBeNull();
  });

  it('reads only a whole header line, not the words inside a longer comment', () => {
    expect(operationCallerOf('# Not "Run as: analyst, purpose STATISTICS" here\nquery Q { a }')).toBeNull();
  });
});
