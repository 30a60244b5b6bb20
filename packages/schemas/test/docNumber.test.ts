import { describe, expect, it } from 'vitest';
import { DocNumberSchema } from '../src/index.js';

describe('DocNumberSchema', () => {
  it('should accept the seed number', () => {
    expect(DocNumberSchema.safeParse('中商务电函〔2023〕12号').success).toBe(true);
  });
  it('should reject square brackets', () => {
    expect(DocNumberSchema.safeParse('中商务电函[2023]12号').success).toBe(false);
  });
});
