import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown } from './support/rulesTable.js';

const path = new URL('../../../docs/rules.md', import.meta.url);

describe('docs/rules.md', () => {
  it('should be the table generated from the presets (BANLI_WRITE_RULES=1 rewrites it)', () => {
    const generated = rulesMarkdown();
    if (process.env.BANLI_WRITE_RULES === '1') writeFileSync(path, generated);
    expect(readFileSync(path, 'utf8')).toBe(generated);
  });
});
