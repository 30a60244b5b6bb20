// Issue 13 item 2 (S14, S9, S13, S22): reply periods depend on the item's kind and channel, in every preset.
import { type Policy, presets } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { NotCovered } from '../src/index.js';
import { type ItemShape, replyDue } from './support/deadlineScenario.js';

type Expected = { assignedAt: string; due: string } | 'notCovered';

/** Every preset × kind × channel, with the reply due date its rule gives (or a refusal at submission). */
const MATRIX: Record<keyof typeof presets, Record<`${ItemShape['kind']}/${ItemShape['channel']}`, Expected>> = {
  // S9 (by analogy): 3 months from 交办; deputies' suggestions only
  nationalNpc: {
    'proposal/session': 'notCovered',
    'proposal/interSession': 'notCovered',
    'suggestion/session': { assignedAt: '2024-03-04', due: '2024-06-04' },
    'suggestion/interSession': { assignedAt: '2024-03-04', due: '2024-06-04' },
  },
  // S22: session items by 30 June, between sessions 3 months
  guangdongCity: {
    'proposal/session': { assignedAt: '2023-03-15', due: '2023-06-30' },
    'proposal/interSession': { assignedAt: '2023-03-15', due: '2023-06-15' },
    'suggestion/session': { assignedAt: '2023-03-15', due: '2023-06-30' },
    'suggestion/interSession': { assignedAt: '2023-08-10', due: '2023-11-10' },
  },
  // S14: plenary proposals 5 months (2024-08-04 is a Sunday → 08-05); everything else 3 months
  sichuan2024: {
    'proposal/session': { assignedAt: '2024-03-04', due: '2024-08-05' },
    'proposal/interSession': { assignedAt: '2024-03-04', due: '2024-06-04' },
    'suggestion/session': { assignedAt: '2024-03-04', due: '2024-06-04' },
    'suggestion/interSession': { assignedAt: '2024-03-04', due: '2024-06-04' },
  },
  // S13: 3 months from the session's close (2023-01-17); between sessions from 交办; suggestions only
  chongqing: {
    'proposal/session': 'notCovered',
    'proposal/interSession': 'notCovered',
    'suggestion/session': { assignedAt: '2023-03-15', due: '2023-04-17' },
    'suggestion/interSession': { assignedAt: '2023-08-10', due: '2023-11-10' },
  },
};

describe('rule 2: reply periods by preset, kind and channel', () => {
  it('2a: a Sichuan suggestion assigned 2024-03-04 is due 2024-06-04 (3 months, S14), not 2024-08-05', async () => {
    const { due } = await replyDue(presets.sichuan2024, { kind: 'suggestion', channel: 'session' }, '2024-03-04');
    expect(due).toBe('2024-06-04');
  });

  for (const [name, cells] of Object.entries(MATRIX)) {
    for (const [cell, expected] of Object.entries(cells)) {
      const [kind, channel] = cell.split('/') as [ItemShape['kind'], ItemShape['channel']];
      it(`2b: ${name} — ${kind} filed ${channel === 'session' ? 'at the session' : 'between sessions'}`, async () => {
        const policy = presets[name as keyof typeof presets] as Policy;
        const shape: ItemShape = { kind, channel, closedOn: '2023-01-17' };
        if (expected === 'notCovered') {
          await expect(replyDue(policy, shape, '2023-03-15')).rejects.toBeInstanceOf(NotCovered);
          return;
        }
        const { due, start } = await replyDue(policy, shape, expected.assignedAt);
        expect(due).toBe(expected.due);
        expect(due > expected.assignedAt).toBe(true);
        expect(start <= expected.assignedAt).toBe(true);
      });
    }
  }
});
