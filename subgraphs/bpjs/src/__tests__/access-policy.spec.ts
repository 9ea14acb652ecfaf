import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { expectNoPolicyGaps } from '@jembatan/kit/testing';
import { bpjsAccessPolicy } from '../access-policy';
import { buildBpjsSchema } from '../schema';

describe("BPJS Ketenagakerjaan's access policy", () => {
  it('classifies every field and never denies a non-null field of a type it opens', () => {
    expect(() => expectNoPolicyGaps(buildBpjsSchema(), bpjsAccessPolicy, 'bpjs')).not.toThrow();
  });
});
