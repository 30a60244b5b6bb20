import { readFileSync } from 'node:fs';
import { chinaMainland, computeDueDate } from '@banli/calendar';
import { caseMachine, leafPaths, presets, structureHash, toMermaid } from '@banli/core';
import { describe, expect, it, vi } from 'vitest';
import { createBanli, createManualClock, createMemoryStore } from '../src/index.js';
import { caseOf, driveTo } from './support/inFlight.js';
import {
  caseMachineV2,
  caseMachineV2WithOa,
  migrateOpenCases,
  oaOutbox,
  policyV2,
  publishV2,
} from './support/migrateGuide.js';
import { seedActors } from './support/seedBanli.js';

const guide = readFileSync(new URL('../../../docs/extending.md', import.meta.url), 'utf8');
const example = readFileSync(new URL('./support/migrateGuide.ts', import.meta.url), 'utf8');

const blocks = (text: string, re: RegExp) => new Map([...text.matchAll(re)].map((m) => [m[1], m[2]?.trim()]));

describe('docs/extending.md', () => {
  it('should show exactly the code of the tested examples', () => {
    const shown = blocks(guide, /<!-- guide:(\w+) -->\n```ts\n([\s\S]*?)\n```/g);
    const tested = blocks(example, /\/\/ #region guide:(\w+)\n([\s\S]*?)\n\/\/ #endregion/g);
    expect([...shown.keys()].sort()).toEqual([...tested.keys()].sort());
    expect(shown.size).toBeGreaterThanOrEqual(6);
    for (const [name, code] of tested) {
      expect(shown.get(name), name).toBe(code?.replaceAll("'../../src/index.js'", "'@banli/sdk'"));
    }
  });
});

describe('guide worked example', () => {
  it('should add the 办前沟通 step as a new structure, and provide() should keep it', () => {
    expect(structureHash(caseMachineV2)).not.toBe(structureHash(caseMachine));
    expect(structureHash(caseMachineV2WithOa)).toBe(structureHash(caseMachineV2));
    expect(toMermaid(caseMachineV2)).toContain('办前沟通 Pre-drafting visit');
  });

  it('should publish v2, migrate open cases and run both versions side by side', async () => {
    const clock = createManualClock('2024-05-10');
    const store = createMemoryStore();
    const v1 = createBanli({ store, clock, policy: presets.guangdongCity });
    await driveTo(v1, 'g-drafting', 'draftingNoVisit');
    await driveTo(v1, 'g-adjust', 'adjustmentRequested');
    await driveTo(v1, 'g-handling', 'handling');
    const banli = publishV2(store, clock);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { preview, report } = await migrateOpenCases(banli, '2024-05-10');
    const warned = warn.mock.calls.slice();
    warn.mockRestore();
    expect(warned).toEqual([['g-adjust', '调整申请尚待交办机关处理']]);
    expect(preview.counts).toMatchObject({ wouldMigrate: 2, refused: 1 });
    expect(report.counts).toMatchObject({ migrated: 2, refused: 1 });

    // 1. the drafting case must do the visit first; a phone call does not move it, a visit does
    const { lead } = seedActors;
    const contact = (method: string) => ({
      type: 'case.recordContact',
      at: '2024-05-13',
      caseId: caseOf('g-drafting'),
      proposerId: 'member-liang-xiaoheng',
      method,
    });
    const lifecycle = async (id: string) => leafPaths((await banli.get(id)).cases[0]?.value as never)[0];
    expect(await lifecycle('g-drafting')).toBe('lifecycle.preDraftVisit');
    await banli.send('g-drafting', contact('phone'), { actor: lead });
    expect(await lifecycle('g-drafting')).toBe('lifecycle.preDraftVisit');
    await banli.send('g-drafting', contact('visit'), { actor: lead });
    expect(await lifecycle('g-drafting')).toBe('lifecycle.drafting');

    // 3. the provided action runs on v2 cases
    oaOutbox.length = 0;
    const extension = {
      type: 'case.requestExtension',
      at: '2024-05-14',
      caseId: caseOf('g-handling'),
      reason: '需协调',
    };
    await banli.send('g-handling', extension, { actor: lead });
    expect(oaOutbox).toEqual([{ caseId: caseOf('g-handling'), reason: '需协调' }]);

    // 2. a new proposal starts on v2 with the new reply period
    await driveTo(banli, 'g-new', 'handling');
    const reply = (await banli.deadlines('g-new')).find((d) => d.kind === 'reply');
    expect(reply?.due).toBe(computeDueDate(chinaMainland, policyV2.periods.reply, '2024-03-15').due);

    // the refused case still runs on v1
    const office = { role: 'assigningOffice', id: 'o', unitId: 'zs-government-office' } as const;
    await banli.send(
      'g-adjust',
      { type: 'adjustment.keep', at: '2024-05-13', caseId: caseOf('g-adjust') },
      { actor: office },
    );
    expect((await banli.history('g-adjust')).at(-1)?.machine).toMatchObject({ version: 'proposal@4' });
    expect(await lifecycle('g-adjust')).toBe('lifecycle.accepting');
  });
});
