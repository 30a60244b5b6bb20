import { describe, expect, it } from 'vitest';
import type { Deadline } from '../src/deadlines.js';
import {
  Driver,
  intake,
  leadCaseId,
  proposerIds,
  seedAssignment,
  seedLetter,
  seedSystem,
  units,
} from './helpers/seed.js';

const coUnits = seedAssignment.coUnits;
const caseId = leadCaseId;

function runSeed(): Driver {
  const d = intake(new Driver(seedSystem()));
  d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment });
  d.send({ type: 'case.accept', at: '2023-03-16', caseId });
  d.send({
    type: 'case.recordContact',
    at: '2023-03-28',
    caseId,
    proposerId: proposerIds[0] as string,
    method: 'phone',
  });
  coUnits.forEach((unit, i) => {
    const date = `2023-04-${String(3 + i).padStart(2, '0')}`;
    const opinion = { fromUnit: unit, toUnit: units.zsCommerce, text: `${unit.name}会办意见`, date };
    d.send({ type: 'coUnit.submitOpinion', at: date, caseId, opinion });
  });
  d.send({ type: 'case.startDrafting', at: '2023-04-20', caseId });
  d.send({ type: 'reply.submitDraft', at: '2023-06-20', caseId, letter: seedLetter });
  d.send({ type: 'signOff.approve', at: '2023-06-30', caseId, signer: '市商务局局长' });
  return d;
}

const byKind = (list: Deadline[], kind: string) => list.filter((x) => x.kind === kind);

describe('seed case 132402 under presets.guangdongCity', () => {
  it('should open the lead case with six co-handlers and due dates from the calendar', () => {
    const d = intake(new Driver(seedSystem()));
    d.send({ type: 'assignment.assign', at: '2023-03-15', assignment: seedAssignment });
    const deadlines = d.system.deadlines(d.state);
    // 3 working days after Wed 2023-03-15
    expect(byKind(deadlines, 'adjustmentWindow').map((x) => x.due)).toEqual(['2023-03-20']);
    // city items by 30 June [S22]
    expect(byKind(deadlines, 'reply').map((x) => x.due)).toEqual(['2023-06-30']);
    // 15 working days, skipping 清明 on 2023-04-05
    expect(byKind(deadlines, 'firstContact').map((x) => x.due)).toEqual(['2023-04-06']);
    // one month → Sat 2023-04-15, rolled forward to Mon 2023-04-17
    expect(byKind(deadlines, 'coOpinion').map((x) => [x.unitId, x.due])).toEqual(
      coUnits.map((u) => [u.id, '2023-04-17']),
    );
    expect(deadlines.every((x) => x.calendarId === 'cn-mainland' && !x.provisional)).toBe(true);
  });

  it('should issue the A-class reply on the print date and meet the reply deadline', () => {
    const d = runSeed();
    const [lead] = d.summary.cases;
    expect(lead?.class).toBe('A');
    expect(lead?.letter?.docNumber).toBe('中商务电函〔2023〕12号');
    expect(lead?.letter?.responses?.map((r) => [r.suggestionIds, r.adoption])).toEqual([
      [['s1'], 'adopted'],
      [['s2'], 'adopted'],
      [['s3'], 'adopted'],
    ]);
    const reply = byKind(d.system.deadlines(d.state), 'reply')[0];
    expect(reply).toMatchObject({ due: '2023-06-30', status: 'met', closedAt: '2023-06-30' });
    expect(d.summary.value).toEqual({ lifecycle: 'answered', timeliness: 'onTime' });
    expect(lead?.value).toEqual({
      lifecycle: { replied: 'awaitingFeedback' },
      publication: 'due',
      timeliness: 'onTime',
    });
  });

  it('should start feedback and proactive publication periods from the reply date', () => {
    const d = runSeed();
    const deadlines = d.system.deadlines(d.state);
    // 15 working days after Fri 2023-06-30
    expect(byKind(deadlines, 'feedback')[0]?.due).toBe('2023-07-21');
    // 20 working days after Fri 2023-06-30 [S41]
    expect(byKind(deadlines, 'publication')[0]?.due).toBe('2023-07-28');
  });

  it('should close, publish and archive with every deadline met on time', () => {
    const d = runSeed();
    proposerIds.forEach((proposerId, i) => {
      const date = `2023-07-1${i}`;
      d.send({ type: 'feedback.submit', at: date, caseId, feedback: { proposerId, level: 'satisfied', date } });
    });
    d.send({ type: 'publication.publish', at: '2023-07-20', caseId, url: 'https://www.zs.gov.cn/reply/132402' });
    d.send({ type: 'proposal.archive', at: '2023-08-01' });
    expect(d.summary.value).toEqual({ lifecycle: 'archived', timeliness: 'onTime' });
    expect(d.summary.cases[0]?.value).toEqual({ lifecycle: 'closed', publication: 'published', timeliness: 'onTime' });
    const table = d.system.deadlines(d.state).map((x) => [x.kind, x.due, x.status, x.closedAt]);
    expect(table).toEqual([
      ['adjustmentWindow', '2023-03-20', 'met', '2023-03-16'],
      ['reply', '2023-06-30', 'met', '2023-06-30'],
      ['firstContact', '2023-04-06', 'met', '2023-03-28'],
      ...coUnits.map((_, i) => ['coOpinion', '2023-04-17', 'met', `2023-04-0${3 + i}`]),
      ['feedback', '2023-07-21', 'met', '2023-07-12'],
      ['publication', '2023-07-28', 'met', '2023-07-20'],
    ]);
    expect(d.emitted.filter((n) => n.type === 'deadline.missed')).toEqual([]);
  });
});
