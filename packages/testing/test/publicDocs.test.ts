import { expect, it } from 'vitest';
import { undocumentedExports } from '../../schemas/test/support/undocumentedExports.js';

it('should have TSDoc on every export of its public entries', () => {
  expect(undocumentedExports(new URL('..', import.meta.url))).toEqual({ '.': [] });
}, 300_000);
