import { describe, expect, it } from 'vitest';
import { formatRoleTable, PermissionError, roleLabel } from '../../src/index.js';
import { actors, caseOf, kindsOf, PRESET_NAMES, ruleBanli, ruleItem, toHandling } from '../support/rules.js';

// Issue 13 item 11: roles are named in the item's words — 代表 and 人大常委会选联工委 for deputies' suggestions,
// 提案人 and 政协提案委员会 for CPPCC proposals (domain.md §1; S9 S13 for the congress office, S3 S6 for the committee).

const WORDS = {
  suggestion: { proposer: '代表（每位联名代表）', committee: '人大常委会选联工委', foreign: /提案|委员会/ },
  proposal: { proposer: '提案人（每位联名委员）', committee: '政协提案委员会', foreign: /代表|人大|选联/ },
} as const;

async function permissionError(run: () => Promise<unknown>): Promise<PermissionError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PermissionError);
  return error as PermissionError;
}

describe.each(PRESET_NAMES)('13.11 role labels under %s', (preset) => {
  it.each(kindsOf(preset))('13.11 names the proposer and the committee of a %s in its words', async (kind) => {
    const { banli } = ruleBanli(preset);
    const item = ruleItem(kind);
    await toHandling(banli, item);
    const words = WORDS[kind];
    const byProposer = await permissionError(() =>
      banli.send(item.id, { type: 'case.close', at: '2024-03-06', caseId: caseOf(item.id) }, { actor: actors.first }),
    );
    expect(byProposer.messages['zh-CN']).toBe(`${words.proposer}无权发送 case.close`);
    const feedback = { proposerId: actors.committee.id, level: 'satisfied', date: '2024-03-06' };
    const byCommittee = await permissionError(() =>
      banli.send(
        item.id,
        { type: 'feedback.submit', at: '2024-03-06', caseId: caseOf(item.id), feedback },
        { actor: actors.committee },
      ),
    );
    expect(byCommittee.messages['zh-CN']).toBe(`${words.committee}无权发送 feedback.submit`);
    for (const error of [byProposer, byCommittee]) expect(error.messages['zh-CN']).not.toMatch(words.foreign);
  });
});

describe('roleLabel and formatRoleTable by kind', () => {
  it('13.11 follow the kind, and fall back to words that cover both', () => {
    expect(roleLabel('committee', 'suggestion').en).toContain('选联工委');
    expect(roleLabel('committee', 'proposal').en).toContain('提案委');
    expect(roleLabel('leadUnit', 'suggestion')).toEqual(roleLabel('leadUnit', 'proposal'));
    expect(roleLabel('proposer')['zh-CN']).toBe('提案人 / 代表（每位联名人）');
    expect(formatRoleTable('suggestion')).toContain('proposer<br>代表（每位联名代表）');
    expect(formatRoleTable('suggestion')).toContain('committee<br>人大常委会选联工委');
    expect(formatRoleTable('proposal')).toContain('committee<br>政协提案委员会');
  });
});
