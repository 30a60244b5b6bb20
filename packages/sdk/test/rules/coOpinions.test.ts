import { presets } from '@banli/core';
import { describe, expect, it } from 'vitest';
import {
  actors,
  caseOf,
  caseState,
  coUnit,
  kindsOf,
  PRESET_NAMES,
  refused,
  reply,
  ruleBanli,
  ruleItem,
  toHandling,
} from '../support/rules.js';

// Issue 13 item 8: a silent co-unit cannot block the lead unit forever (co-opinions S11, S17, S21).

const year = { from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' };

describe.each(PRESET_NAMES)('13.8 a silent co-unit under %s', (preset) => {
  describe.each(kindsOf(preset))('for a %s', (kind) => {
    const item = ruleItem(kind);
    const caseId = caseOf(item.id);

    it('13.8 lets the lead unit proceed once the co-opinion deadline passed, and records the missing opinion', async () => {
      const { banli } = ruleBanli(preset);
      await toHandling(banli, item, { co: true });
      const due = (await banli.deadlines(item.id)).find((d) => d.kind === 'coOpinion')?.due as string;
      // One month from 2024-03-04, rolled past the 清明 holiday (4–6 April 2024).
      expect(due).toBe('2024-04-07');
      const early = { type: 'case.startDrafting', at: '2024-03-20', caseId };
      if (presets[preset].requireCoOpinionsBeforeDrafting) {
        const error = await refused(
          banli,
          item.id,
          () => banli.send(item.id, early, { actor: actors.lead }),
          'TRANSITION_REFUSED',
        );
        expect(error).toMatchObject({ reason: { code: 'coOpinion.awaited', source: 'S11' } });
        expect(error.messages['zh-CN']).toContain('2024年4月7日');
      }
      await reply(banli, item, 'A');
      expect(await caseState(banli, item.id)).toContain('replied');
      const missed = (await banli.deadlines(item.id)).find((d) => d.kind === 'coOpinion');
      expect(missed).toMatchObject({ unitId: coUnit.id, status: 'missed' });
      const logged = (await banli.history(item.id)).flatMap((e) => e.emitted);
      expect(logged).toContainEqual(expect.objectContaining({ type: 'coUnit.opinionMissing', unitId: coUnit.id, due }));
      const stats = await banli.statistics(year);
      expect(stats.coUnits).toEqual([{ unitId: coUnit.id, sent: 0, missing: 1 }]);
    });

    it('13.8 records nothing against a co-unit that sent its opinion', async () => {
      const { banli } = ruleBanli(preset);
      await toHandling(banli, item, { co: true });
      const opinion = {
        fromUnit: coUnit,
        toUnit: { id: 'sample-housing', name: '示例市住房和城乡建设局' },
        text: '同意',
        date: '2024-03-25',
      };
      await banli.send(
        item.id,
        { type: 'coUnit.submitOpinion', at: '2024-03-25', caseId, opinion },
        { actor: actors.co },
      );
      await reply(banli, item, 'A');
      const stats = await banli.statistics(year);
      expect(stats.coUnits).toEqual([{ unitId: coUnit.id, sent: 1, missing: 0 }]);
    });
  });
});
