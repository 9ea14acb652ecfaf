import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { findPolicyGaps } from '@jembatan/kit';
import { workforceAccessPolicy } from '../access-policy';
import { buildWorkforceSchema } from '../schema';

describe("Pemprov DKI's access policy", () => {
  it('classifies every field and never denies a non-null field of a type it opens', () => {
    expect(findPolicyGaps(buildWorkforceSchema(), workforceAccessPolicy)).toEqual({
      unclassified: [],
      nullHazards: [],
    });
  });
});
