import {
  fixtures,
  seedProposal132402 as proposal,
  seedAssignment132402,
  seedReplyLetter132402,
} from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import { defineScenario, draftAndSign, intake, runScenario, type ScenarioStep } from '../src/index.js';

const lead = 'zs-commerce';
const education = fixtures.seedUnits.zsEducation;
const others = seedAssignment132402.coUnits.filter((u) => u.id !== education.id);

describe('reassigning the lead case to one of its co-units (guangdongCity)', () => {
  it('should leave no co-opinion deadline from the new lead to itself and let drafting start', async () => {
    const opinions: ScenarioStep[] = others.map((unit) => ({
      on: '2023-04-10',
      by: `coUnit:${unit.id}`,
      case: lead,
      send: {
        type: 'coUnit.submitOpinion',
        opinion: { fromUnit: unit, toUnit: education, text: '会办意见', date: '2023-04-10' },
      },
    }));
    const scenario = defineScenario({
      name: 'reassignedToCoUnit',
      title: { 'zh-CN': '改由会办单位主办', en: 'Reassigned to a co-unit' },
      proposal,
      officeUnitId: seedAssignment132402.assigningOffice.id,
      steps: [
        ...intake(seedAssignment132402, {
          submit: '2023-02-20',
          review: '2023-02-21',
          register: '2023-03-01',
          assign: '2023-03-15',
        }),
        {
          on: '2023-03-16',
          by: `unit:${lead}`,
          case: lead,
          send: { type: 'case.requestAdjustment', reason: '主要涉及教育', suggestedUnit: education },
        },
        {
          on: '2023-03-20',
          by: 'office',
          case: lead,
          send: { type: 'adjustment.reassign', toUnit: education },
          expect: {
            noDeadlines: [{ kind: 'coOpinion', unit: lead, from: education.id, status: 'open' }],
            deadlines: others.map((u) => ({ kind: 'coOpinion', unit: lead, from: u.id, status: 'open' as const })),
          },
        },
        { on: '2023-03-21', by: `unit:${education.id}`, case: lead, send: { type: 'case.accept' } },
        ...opinions,
        ...draftAndSign(lead, seedReplyLetter132402, { draft: '2023-06-01', sign: '2023-06-30' }).map((s) =>
          'by' in s && typeof s.by === 'string' ? { ...s, by: s.by.replace(lead, education.id) } : s,
        ),
      ],
      outcome: { proposal: 'answered' },
    });
    const run = await runScenario(scenario);
    expect(run.failures).toEqual([]);
    const view = run.timeline.find((t) => t.event === 'adjustment.reassign');
    expect(view?.deadlines.filter((d) => d.kind === 'coOpinion')).toHaveLength(others.length);
  });
});
