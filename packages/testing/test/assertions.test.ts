import { readFileSync } from 'node:fs';
import { seedProposal132402 as proposal, seedAssignment132402, seedReplyLetter132402 } from '@banli/schemas/fixtures';
import { describe, expect, it } from 'vitest';
import {
  acceptAndContact,
  allScenarios,
  defineScenario,
  draftAndSign,
  extensionApproved,
  formatFailure,
  intake,
  missedCoOpinion,
  runScenario,
  type Scenario,
  type ScenarioStep,
  soleSeedAssignment,
  splitTwoReplies,
} from '../src/index.js';

const lead = 'zs-commerce';
const office = seedAssignment132402.assigningOffice.id;
const seedDates = { submit: '2023-02-20', review: '2023-02-21', register: '2023-03-01', assign: '2023-03-15' };
const accepted = [
  ...intake(soleSeedAssignment, seedDates),
  ...acceptAndContact(lead, proposal, { accept: '2023-03-16', contact: '2023-03-20' }),
];
const scenario = (name: string, steps: ScenarioStep[], extra: Partial<Scenario> = {}) =>
  defineScenario({ name, title: { 'zh-CN': name, en: name }, proposal, officeUnitId: office, steps, ...extra });

/** missedCoOpinion with its 2023-04-18 tick expectation replaced. */
function missedTickExpecting(expect: ScenarioStep['expect']): Scenario {
  const steps = missedCoOpinion.steps.map((s) => ('tick' in s && s.on === '2023-04-18' ? { ...s, expect } : s));
  return defineScenario({ ...missedCoOpinion, name: 'variant', steps });
}

describe('notification assertions', () => {
  it('should fail `emitted: []` on a tick that emitted deadline.missed and deadline.escalated', async () => {
    const run = await runScenario(missedTickExpecting({ emitted: [] }));
    expect(run.failures.map((f) => [f.check, f.expected, f.actual])).toEqual([
      ['emitted', [], ['deadline.missed', 'deadline.escalated']],
    ]);
  });

  it('should fail `emittedExactly` when the step emitted something else as well, and `notEmitted` when it emitted it', async () => {
    const run = await runScenario(
      missedTickExpecting({ emittedExactly: ['deadline.missed'], notEmitted: ['deadline.escalated'] }),
    );
    expect(run.failures.map((f) => f.check)).toEqual(['emittedExactly', 'notEmitted']);
    expect(run.failures[0]?.actual).toEqual(['deadline.escalated', 'deadline.missed']);
  });

  it('should count repeated notification types in `emittedExactly`', async () => {
    const run = await runScenario(
      missedTickExpecting({ emittedExactly: ['deadline.missed', 'deadline.missed', 'deadline.escalated'] }),
    );
    expect(run.failures.map((f) => f.check)).toEqual(['emittedExactly']);
  });

  it('should pass the shipped missedCoOpinion fixture with exact and negative assertions', async () => {
    const tick = missedCoOpinion.steps.find((s) => 'tick' in s && s.on === '2023-04-17');
    expect(tick?.expect?.emitted).toBeUndefined();
    expect((await runScenario(missedCoOpinion)).failures).toEqual([]);
  });
});

describe('deadline assertions', () => {
  it('should fail `noDeadlines` when such a deadline exists, listing it', async () => {
    const run = await runScenario(
      missedTickExpecting({ noDeadlines: [{ kind: 'coOpinion', unit: lead, status: 'missed' }] }),
    );
    expect(run.failures).toHaveLength(1);
    expect(run.failures[0]).toMatchObject({
      check: 'noDeadline',
      actual: [{ kind: 'coOpinion', unit: lead, due: '2023-04-17', status: 'missed' }],
    });
  });

  it('should check that a step moved a deadline from one date to another', async () => {
    const approve = (m: { from: string; to: string }) =>
      extensionApproved.steps.map((s) =>
        'send' in s && s.send.type === 'extension.approve'
          ? { ...s, expect: { deadlineMoved: [{ kind: 'reply', unit: lead, ...m }] } }
          : s,
      );
    const ok = await runScenario({ ...extensionApproved, steps: approve({ from: '2023-06-30', to: '2023-09-15' }) });
    expect(ok.failures).toEqual([]);
    const wrong = await runScenario({ ...extensionApproved, steps: approve({ from: '2023-06-30', to: '2023-09-30' }) });
    expect(wrong.failures).toMatchObject([
      { check: 'deadlineMoved', actual: [{ kind: 'reply', unit: lead, from: '2023-06-30', to: '2023-09-15' }] },
    ]);
  });

  it('should report the actual due dates when an expected deadline is not found', async () => {
    const run = await runScenario(
      scenario('wrongDue', accepted, { outcome: { deadlines: [{ kind: 'reply', unit: lead, due: '2023-06-29' }] } }),
    );
    expect(run.failures).toMatchObject([
      { check: 'deadline', actual: [{ kind: 'reply', unit: lead, due: '2023-06-30', status: 'open' }] },
    ]);
  });
});

describe('letter assertions', () => {
  const replied = [
    ...accepted,
    ...draftAndSign(lead, seedReplyLetter132402, { draft: '2023-06-01', sign: '2023-06-30' }),
  ];

  it('should pass when the letter contains the given texts and fail, naming the expectation, when it does not', async () => {
    const run = await runScenario(
      scenario('letters', replied, {
        outcome: {
          letters: {
            [lead]: { textContains: ['中商务电函〔2023〕12号', 'A类'] },
          },
        },
      }),
    );
    expect(run.failures).toEqual([]);
    const wrong = await runScenario(
      scenario('letters', replied, { outcome: { letters: { [lead]: { textContains: '不存在的文字' } } } }),
    );
    expect(wrong.failures).toHaveLength(1);
    expect(wrong.failures[0]?.expected).toBe('text containing "不存在的文字"');
    expect(String(wrong.failures[0]?.actual)).toContain('中商务电函〔2023〕12号');
  });

  it('should compare the whole text with `text`', async () => {
    const first = await runScenario(scenario('letters', replied));
    const text = Object.values(first.letters)[0]?.text ?? '';
    expect(
      (await runScenario(scenario('exact', replied, { outcome: { letters: { [lead]: { text } } } }))).failures,
    ).toEqual([]);
    const wrong = await runScenario(
      scenario('exact', replied, { outcome: { letters: { [lead]: { text: `${text}x` } } } }),
    );
    expect(wrong.failures.map((f) => f.check)).toEqual(['letter']);
  });
});

describe('structured failures', () => {
  it("should carry the SDK's own message, the step as written, its helper, line, date and event", async () => {
    const steps: ScenarioStep[] = [
      ...accepted,
      { on: '2023-03-21', by: 'committee', send: { type: 'proposal.archive' } },
    ];
    const run = await runScenario(scenario('refusal', steps));
    expect(run.failures).toHaveLength(1);
    const [failure] = run.failures;
    expect(failure).toMatchObject({
      check: 'unexpectedRefusal',
      actual: 'TRANSITION_REFUSED',
      at: { step: 7, written: 3, date: '2023-03-21', event: 'proposal.archive', by: 'committee' },
    });
    expect(failure?.at?.line).toMatch(/assertions\.test\.ts:\d+$/);
    expect(failure?.sdkMessage?.en).toContain('is not possible at the “In handling” stage');
    expect(failure?.sdkMessage?.['zh-CN']).not.toBe('');
  });

  it('should name the helper and the line of its call for a step a helper produced', async () => {
    const steps = [...accepted, ...acceptAndContact(lead, proposal, { accept: '2023-03-21', contact: '2023-03-22' })];
    const run = await runScenario(scenario('helper', steps));
    // The second acceptance is refused: the case is already in handling.
    expect(run.failures[0]?.at).toMatchObject({
      step: 7,
      written: 3,
      helper: 'acceptAndContact',
      event: 'case.accept',
    });
    const source = readFileSync(new URL(import.meta.url), 'utf8').split('\n');
    const callLine = source.findIndex((l) => l.includes("accept: '2023-03-21', contact: '2023-03-22'")) + 1;
    expect(run.failures[0]?.at?.line).toBe(`test/assertions.test.ts:${callLine}`);
  });

  it('should print a readable diff', async () => {
    const run = await runScenario(missedTickExpecting({ emitted: [] }));
    const text = formatFailure(run.failures[0] as (typeof run.failures)[number]);
    expect(text.split('\n')).toEqual([
      expect.stringMatching(/^✗ step 13 \(written step 9, test\/assertions\.test\.ts:\d+\) · 2023-04-18 · tick$/),
      '  expected no notification',
      '  - expected: (none)',
      '  + actual:   deadline.missed, deadline.escalated',
    ]);
  });
});

describe('dates', () => {
  it('should keep every shipped fixture in date order, splitTwoReplies included', () => {
    for (const s of allScenarios) {
      const dates = s.steps.map((step) => step.on);
      expect(dates, s.name).toEqual([...dates].sort());
    }
    expect(splitTwoReplies.steps.length).toBeGreaterThan(10);
  });

  it('should refuse a step dated before the last event of its case unless it says backdated', async () => {
    const contact = (extra: Partial<ScenarioStep> = {}): ScenarioStep =>
      ({
        on: '2023-03-18',
        by: `unit:${lead}`,
        case: lead,
        send: { type: 'case.recordContact', proposerId: 'member-liang-xiaoheng', method: 'phone' },
        ...extra,
      }) as ScenarioStep;
    const refused = await runScenario(scenario('late', [...accepted, contact()]));
    expect(refused.failures).toMatchObject([
      { check: 'unexpectedRefusal', actual: 'BACKDATED', sdkMessage: { en: expect.stringContaining('2023-03-20') } },
    ]);
    const declared = await runScenario(scenario('late', [...accepted, contact({ backdated: { reason: '补录' } })]));
    expect(declared.failures).toEqual([]);
    expect(declared.history.at(-1)?.meta?.backdated).toMatchObject({ reason: '补录' });
  });

  it('should fail a tick dated before the previous step', async () => {
    const run = await runScenario(scenario('pastTick', [...accepted, { on: '2023-03-17', tick: true }]));
    expect(run.failures).toMatchObject([{ check: 'date', expected: 'on or after 2023-03-20', actual: '2023-03-17' }]);
  });

  it('should warn on an official act on a rest day unless the step or the scenario says so', async () => {
    // 2023-03-18 is a Saturday.
    const weekend: ScenarioStep = {
      on: '2023-03-25',
      by: `unit:${lead}`,
      case: lead,
      send: { type: 'case.recordContact', proposerId: 'member-liang-xiaoheng', method: 'visit' },
    };
    const warned = await runScenario(scenario('weekend', [...accepted, weekend]));
    expect(warned.failures).toEqual([]);
    expect(warned.warnings).toMatchObject([{ code: 'restDay', at: { date: '2023-03-25', step: 7 } }]);
    expect(warned.warnings[0]?.messages['zh-CN']).toContain('休息日');
    const stepSays = await runScenario(scenario('weekend', [...accepted, { ...weekend, restDay: true }]));
    expect(stepSays.warnings).toEqual([]);
    const scenarioSays = await runScenario(scenario('weekend', [...accepted, weekend], { restDays: 'allowed' }));
    expect(scenarioSays.warnings).toEqual([]);
  });

  it('should not warn when a proposer acts on a rest day', async () => {
    const run = await runScenario(scenario('proposerWeekend', [{ on: '2023-02-19', by: 'proposer', submit: true }]));
    expect(run.warnings).toEqual([]);
  });
});
