// Heap retained per proposal by the in-memory store after whole lifecycles: node --expose-gc bench/memory.mjs [n]
import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import { seedAssignment132402, seedProposal132402, seedReplyLetter132402 } from '@banli/schemas';
import { createBanli, createManualClock, createMemoryStore } from '../dist/index.js';

const N = Number(process.argv[2] ?? 2000);
if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc');
const assignment = { ...seedAssignment132402, mode: 'sole', coUnits: [] };
const committee = { role: 'committee', id: 'committee' };
const office = { role: 'assigningOffice', id: 'office', unitId: 'zs-government-office' };
const lead = { role: 'leadUnit', id: 'clerk', unitId: 'zs-commerce' };
const leader = { role: 'leader', id: 'director', unitId: 'zs-commerce' };

function script(id) {
  const caseId = `${id}/zs-commerce`;
  const steps = [
    [{ type: 'proposal.submit', at: '2023-02-20' }, { role: 'proposer', id: 'member-liang-xiaoheng' }],
    [{ type: 'review.start', at: '2023-02-21' }, committee],
    [{ type: 'review.register', at: '2023-03-01' }, committee],
    [{ type: 'assignment.assign', at: '2023-03-15', assignment }, office],
    [{ type: 'case.accept', at: '2023-03-16', caseId }, lead],
    [{ type: 'case.startDrafting', at: '2023-06-01', caseId }, lead],
    [{ type: 'reply.submitDraft', at: '2023-06-20', caseId, letter: seedReplyLetter132402 }, lead],
    [{ type: 'signOff.approve', at: '2023-06-29', caseId, signer: '局长' }, leader],
  ];
  for (const p of seedProposal132402.proposers) {
    const feedback = { proposerId: p.id, level: 'satisfied', date: '2023-07-10' };
    steps.push([{ type: 'feedback.submit', at: '2023-07-10', caseId, feedback }, { role: 'proposer', id: p.id }]);
  }
  steps.push([{ type: 'proposal.archive', at: '2023-07-20' }, committee]);
  return steps;
}

const heap = () => {
  global.gc();
  global.gc();
  return process.memoryUsage().heapUsed;
};
const store = createMemoryStore();
const banli = createBanli({ store, policy: presets.guangdongCity, calendar: chinaMainland, clock: createManualClock('2023-02-20'), cache: false });
const run = async (from, n) => {
  for (let i = from; i < from + n; i++) {
    const id = `p${String(i).padStart(7, '0')}`;
    await banli.submit({ ...seedProposal132402, id }, { actor: committee, draft: true, at: '2023-02-20' });
    for (const [event, actor] of script(id)) await banli.send(id, event, { actor });
  }
};
await run(1_000_000, 20); // warm up caches (alert planner, derivations) before the baseline
const before = heap();
await run(0, N);
const after = heap();
process.stdout.write(`${N} proposals: ${Math.round((after - before) / N)} bytes retained per proposal\n`);
