import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { expectNoPolicyGaps } from '@jembatan/kit/testing';
import { workforceAccessPolicy } from '../access-policy';
import { buildWorkforceSchema } from '../schema';

describe("Pemprov DKI's access policy", () => {
  it('classifies every field and never denies a non-null field of a type it opens', () => {
    expect(() => expectNoPolicyGaps(buildWorkforceSchema(), workforceAccessPolicy, 'workforce')).not.toThrow();
  });
});
