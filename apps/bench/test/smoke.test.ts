import { expect, it } from 'vitest';

it('should have a bench entry point', async () => {
  expect(typeof (await import('../src/main.js'))).toBe('object');
});
