// Every deadline and period rule of every preset, proved by a scenario through `createBanli` for each kind and
// channel the preset covers (docs/rules.md, "Proved by": rulePeriods p1–p14). The expected dates are worked out by
// hand from the rule and the 2024 holiday notice (国办发明电〔2023〕7号): 清明 4–6 April with Sunday 7 April worked;
// 劳动节 1–5 May with Sunday 28 April and Saturday 11 May worked. 交办 is Monday 2024-03-04 throughout.
import { type Policy, presets } from '@banli/core';
import type { Proposal } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import type { Banli, DeadlineView } from '../src/index.js';
import {
  actors,
  assignOn,
  caseOf,
  caseState,
  coUnit,
  PRESET_NAMES,
  type PresetName,
  rate,
  refused,
  reply,
  replyLetter,
  ruleBanli,
  ruleItem,
  SCENARIO_INTAKE,
} from './support/rules.js';

const CHANNELS = ['session', 'interSession'] as const;

/** The kinds × channels a preset covers (others are refused at submission, rule 13.1). */
function shapesOf(preset: PresetName) {
  const policy = presets[preset];
  return (['proposal', 'suggestion'] as const).flatMap((kind) =>
    CHANNELS.filter((channel) =>
      policy.coverage.some((c) => c.kind === kind && (c.channel === undefined || c.channel === channel)),
    ).map((channel) => ({ kind, channel })),
  );
}

/** One item of the shape, with a distinct id. */
const itemOf = (kind: 'proposal' | 'suggestion', channel: 'session' | 'interSession'): Proposal => ({
  ...ruleItem(kind, `item-${kind}-${channel}`),
  channel,
});

/** Submits, registers (`urgent` when asked) and assigns on Monday 2024-03-04; `co` adds a co-handling unit. */
const assigned = (banli: Banli, item: Proposal, options: { co?: boolean; urgent?: boolean } = {}) =>
  assignOn(banli, item, '2024-03-04', { ...SCENARIO_INTAKE, ...options });

/** …and the lead unit accepts on 2024-03-05. */
async function handling(banli: Banli, item: Proposal, options: { co?: boolean; urgent?: boolean } = {}) {
  await assigned(banli, item, options);
  await banli.send(item.id, { type: 'case.accept', at: '2024-03-05', caseId: caseOf(item.id) }, { actor: actors.lead });
}

/** The lead case's deadlines of one kind, latest last. */
async function deadlinesOf(banli: Banli, item: Proposal, kind: string): Promise<DeadlineView[]> {
  return (await banli.deadlines(item.id)).filter((d) => d.kind === kind && d.caseId === caseOf(item.id));
}

/** The one pending (open) deadline of a kind. */
async function openDue(banli: Banli, item: Proposal, kind: string): Promise<string | undefined> {
  return (await deadlinesOf(banli, item, kind)).filter((d) => d.status === 'open').at(-1)?.due;
}

/** The day after an ISO date. */
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Hand-worked due dates per preset; `undefined` where the preset sets no such period (none must open). */
type ByPreset = Record<PresetName, string | undefined>;

/** p1 · adjustment window from 交办 2024-03-04. */
const ADJUSTMENT_WINDOW: ByPreset = {
  nationalNpc: '2024-03-11', // 7 days (S1): Monday 03-11
  guangdongCity: '2024-03-07', // 3 working days (S22): 5, 6, 7 March
  sichuan2024: '2024-03-11', // 5 working days (S28): 5–8, 11 March
  chongqing: '2024-03-14', // 10 days (S21)
};
/** p2 · the office's answer to an adjustment requested on 2024-03-05. */
const ADJUSTMENT_ANSWER: ByPreset = {
  nationalNpc: undefined,
  guangdongCity: '2024-03-12', // 7 days (S16)
  sichuan2024: undefined,
  chongqing: undefined,
};
/** p3 · first contact with the proposers from 交办. */
const FIRST_CONTACT: ByPreset = {
  nationalNpc: undefined,
  guangdongCity: '2024-03-25', // 15 working days (S27): 5–8, 11–15, 18–22, 25 March
  sichuan2024: undefined,
  chongqing: undefined,
};
/** p4 · co-handler opinion, 1 month from 交办: 04-04 is 清明, rolled to the worked Sunday 04-07. */
const CO_OPINION: ByPreset = {
  nationalNpc: '2024-04-07',
  guangdongCity: '2024-04-07',
  sichuan2024: '2024-04-07',
  chongqing: '2024-04-07',
};
/** p5 · the reply of an urgent item (急事快办); presets without an urgent period keep their reply period. */
const URGENT_REPLY: ByPreset = {
  nationalNpc: undefined,
  guangdongCity: '2024-04-07', // 1 month (S20, inference): 04-04 清明 → 04-07
  sichuan2024: undefined,
  chongqing: undefined,
};
/** p6 · feedback, from the reply's issue (04-15; 04-16 after sichuan2024's supervisor review). */
const FEEDBACK: ByPreset = {
  nationalNpc: '2024-05-14', // 20 working days (S13): 16–19, 22–26, 28 (worked), 29–30 Apr, 6–11 (11 worked), 13–14 May
  guangdongCity: '2024-05-08', // 15 working days (S27): … 29–30 Apr, 6–8 May
  sichuan2024: '2024-05-09', // 15 working days from 04-16 (S27)
  chongqing: '2024-05-14', // 20 working days (S13)
};
/** p7 · re-handling from `rehandling.start` on Monday 2024-05-06. */
const REHANDLING: ByPreset = {
  nationalNpc: '2024-06-06', // 1 month (S9)
  guangdongCity: '2024-06-06', // 1 month (S9)
  sichuan2024: '2024-08-06', // 3 months (S14)
  chongqing: '2024-07-08', // 2 months (S13): Saturday 07-06 → Monday 07-08
};
/** p9 · the second reply on a B commitment, from the last rating on Saturday 2024-04-20. */
const FOLLOW_UP: ByPreset = {
  nationalNpc: undefined,
  guangdongCity: '2024-07-22', // 3 months (S74): Saturday 07-20 → Monday 07-22
  sichuan2024: undefined,
  chongqing: undefined,
};
/** p10 · proactive publication, 20 working days (S41) from the reply's issue. */
const PUBLICATION: ByPreset = {
  nationalNpc: '2024-05-14',
  guangdongCity: '2024-05-14',
  sichuan2024: '2024-05-15', // from 04-16
  chongqing: '2024-05-14',
};

/**
 * p13 · the reply due before and after one approved extension of the preset's 3 months, per shape: 3 + 3 months from
 * 交办 is 09-04, the 6-month maximum (S9/S13/S14/S20); a longer first period is capped there.
 */
const EXTENDED: Record<PresetName, Partial<Record<string, [string, string]>>> = {
  nationalNpc: {
    'suggestion/session': ['2024-06-04', '2024-09-04'],
    'suggestion/interSession': ['2024-06-04', '2024-09-04'],
  },
  guangdongCity: {
    // S22: by 30 June (a Sunday in 2024 → Monday 07-01); 07-01 + 3 months passes the maximum, so 09-04
    'proposal/session': ['2024-07-01', '2024-09-04'],
    'proposal/interSession': ['2024-06-04', '2024-09-04'],
    'suggestion/session': ['2024-07-01', '2024-09-04'],
    'suggestion/interSession': ['2024-06-04', '2024-09-04'],
  },
  sichuan2024: {
    // S14: plenary proposals 5 months (Sunday 08-04 → 08-05); + 3 months passes the maximum, so 09-04
    'proposal/session': ['2024-08-05', '2024-09-04'],
    'proposal/interSession': ['2024-06-04', '2024-09-04'],
    'suggestion/session': ['2024-06-04', '2024-09-04'],
    'suggestion/interSession': ['2024-06-04', '2024-09-04'],
  },
  // S13 counts session items from the session's close (2024-01-26, which the item must carry): 04-26, and the
  // 6-month maximum from that day is 07-26
  chongqing: {
    'suggestion/session': ['2024-04-26', '2024-07-26'],
    'suggestion/interSession': ['2024-06-04', '2024-09-04'],
  },
};

describe.each(PRESET_NAMES)('rule periods under %s', (preset) => {
  const policy: Policy = presets[preset];

  describe.each(shapesOf(preset))('for a $kind filed $channel', ({ kind, channel }) => {
    const item = itemOf(kind, channel);
    const caseId = caseOf(item.id);

    it('p1: the adjustment window ends on its day: a request that day is taken, the next day refused', async () => {
      const { banli } = ruleBanli(preset);
      await assigned(banli, item);
      const due = ADJUSTMENT_WINDOW[preset] as string;
      expect(await openDue(banli, item, 'adjustmentWindow')).toBe(due);
      const request = (at: string) => ({ type: 'case.requestAdjustment', at, caseId, reason: '职能不符' });
      const late = await refused(
        banli,
        item.id,
        () => banli.send(item.id, request(dayAfter(due)), { actor: actors.lead }),
        'TRANSITION_REFUSED',
      );
      expect(late).toMatchObject({ reason: { code: 'adjustment.windowClosed' } });
      await banli.send(item.id, request(due), { actor: actors.lead });
    });

    it('p2: an adjustment request opens the office’s answer period where the preset sets one', async () => {
      const { banli } = ruleBanli(preset);
      await assigned(banli, item);
      const request = { type: 'case.requestAdjustment', at: '2024-03-05', caseId, reason: '职能不符' };
      await banli.send(item.id, request, { actor: actors.lead });
      const answer = await deadlinesOf(banli, item, 'adjustmentAnswer');
      expect(answer.map((d) => d.due)).toEqual(ADJUSTMENT_ANSWER[preset] ? [ADJUSTMENT_ANSWER[preset]] : []);
      if (!ADJUSTMENT_ANSWER[preset]) return;
      const keep = { type: 'adjustment.keep', at: ADJUSTMENT_ANSWER[preset], caseId, note: '维持原交办' };
      await banli.send(item.id, keep, { actor: actors.office });
      expect((await deadlinesOf(banli, item, 'adjustmentAnswer'))[0]?.status).toBe('met');
    });

    it('p3: the first contact with the proposers is due where the preset sets it, and a contact that day meets it', async () => {
      const { banli } = ruleBanli(preset);
      await handling(banli, item);
      const due = FIRST_CONTACT[preset];
      expect((await deadlinesOf(banli, item, 'firstContact')).map((d) => d.due)).toEqual(due ? [due] : []);
      if (!due) return;
      const contact = { type: 'case.recordContact', at: due, caseId, proposerId: actors.first.id, method: 'phone' };
      await banli.send(item.id, contact, { actor: actors.lead });
      expect((await deadlinesOf(banli, item, 'firstContact'))[0]?.status).toBe('met');
    });

    it('p4: the co-handler’s opinion is due a month after 交办 (rolled past 清明); a silent co-unit holds drafting until then', async () => {
      const { banli } = ruleBanli(preset);
      await handling(banli, item, { co: true });
      const due = CO_OPINION[preset] as string;
      const opinions = (await banli.deadlines(item.id)).filter((d) => d.kind === 'coOpinion');
      expect(opinions.map((d) => [d.unitId, d.due])).toEqual([[coUnit.id, due]]);
      const draft = (at: string) =>
        banli.send(item.id, { type: 'case.startDrafting', at, caseId }, { actor: actors.lead });
      if (policy.requireCoOpinionsBeforeDrafting) {
        const early = await refused(banli, item.id, () => draft(due), 'TRANSITION_REFUSED');
        expect(early).toMatchObject({ reason: { code: 'coOpinion.awaited' } });
        await draft(dayAfter(due));
      } else {
        await draft('2024-03-20');
      }
      expect(await caseState(banli, item.id)).toContain('drafting');
    });

    it('p5: an urgent item’s reply is due on the urgent period where the preset sets one, else on the reply period', async () => {
      const plain = ruleBanli(preset).banli;
      await assigned(plain, item);
      const { banli } = ruleBanli(preset);
      await assigned(banli, item, { urgent: true });
      const urgentDue = await openDue(banli, item, 'reply');
      expect(urgentDue).toBe(URGENT_REPLY[preset] ?? (await openDue(plain, item, 'reply')));
      if (URGENT_REPLY[preset]) expect(urgentDue).not.toBe(await openDue(plain, item, 'reply'));
    });

    it('p6: feedback is due on its day: closing with a rating missing is refused that day and taken the next', async () => {
      const { banli } = ruleBanli(preset);
      await handling(banli, item);
      await reply(banli, item, 'A');
      const due = FEEDBACK[preset] as string;
      expect(await openDue(banli, item, 'feedback')).toBe(due);
      const feedback = { proposerId: actors.first.id, level: 'satisfied', date: '2024-04-20' };
      await banli.send(
        item.id,
        { type: 'feedback.submit', at: '2024-04-20', caseId, feedback },
        { actor: actors.first },
      );
      const close = (at: string) => banli.send(item.id, { type: 'case.close', at, caseId }, { actor: actors.office });
      const early = await refused(banli, item.id, () => close(due), 'TRANSITION_REFUSED');
      expect(early).toMatchObject({ reason: { code: 'feedback.periodOpen' } });
      await close(dayAfter(due));
      expect(await caseState(banli, item.id)).toContain('closed');
    });

    it('p7: re-handling after 不满意 is due on the preset’s period from the re-assignment', async () => {
      const { banli } = ruleBanli(preset);
      await handling(banli, item);
      await reply(banli, item, 'A');
      await rate(banli, item, 'dissatisfied');
      await banli.send(item.id, { type: 'rehandling.start', at: '2024-05-06', caseId }, { actor: actors.office });
      const rehandling = await deadlinesOf(banli, item, 'rehandling');
      expect(rehandling.map((d) => [d.start, d.due, d.status])).toEqual([['2024-05-06', REHANDLING[preset], 'open']]);
    });

    it('p8: one re-handling round at most: after it, still 不满意 is met in person, not re-handled again', async () => {
      const { banli } = ruleBanli(preset);
      await handling(banli, item);
      await reply(banli, item, 'A');
      await rate(banli, item, 'dissatisfied');
      expect(policy.maxRehandlingRounds).toBe(1);
      const start = (at: string) =>
        banli.send(item.id, { type: 'rehandling.start', at, caseId }, { actor: actors.office });
      await start('2024-05-06');
      const send = (event: Record<string, unknown>, actor: (typeof actors)[keyof typeof actors]) =>
        banli.send(item.id, { caseId, ...event }, { actor });
      await send({ type: 'case.startDrafting', at: '2024-05-08' }, actors.lead);
      const again = { ...replyLetter(item.id, 'A', [], kind, policy), docNumber: '示住建函〔2024〕66号' };
      await send({ type: 'reply.submitDraft', at: '2024-05-09', letter: again }, actors.lead);
      await send({ type: 'signOff.approve', at: '2024-05-10', signer: '局长' }, actors.leader);
      if ((await caseState(banli, item.id)).includes('supervisorReview')) {
        await send({ type: 'supervisor.approve', at: '2024-05-11' }, actors.supervisor);
      }
      await rate(banli, item, 'dissatisfied', 'satisfied', '2024-05-20');
      const capped = await refused(banli, item.id, () => start('2024-05-27'), 'TRANSITION_REFUSED');
      expect(capped).toMatchObject({ reason: { code: 'rehandling.limitReached' } });
      await banli.send(item.id, { type: 'case.close', at: '2024-05-27', caseId }, { actor: actors.office });
      expect(await caseState(banli, item.id)).toContain('closed');
    });

    it('p9: a B commitment rated satisfied opens the second-reply period where the preset sets one', async () => {
      const { banli } = ruleBanli(preset);
      await handling(banli, item);
      await reply(banli, item, 'B');
      await rate(banli, item, 'satisfied');
      expect(await caseState(banli, item.id)).toContain('followUp');
      const due = FOLLOW_UP[preset];
      expect((await deadlinesOf(banli, item, 'followUp')).map((d) => d.due)).toEqual(due ? [due] : []);
    });

    it('p10: proactive publication is due 20 working days after the reply is issued', async () => {
      const { banli } = ruleBanli(preset);
      await handling(banli, item);
      const letter = { ...replyLetter(item.id, 'A', [], kind, policy), disclosure: { mode: 'proactive' as const } };
      await reply(banli, item, 'A', letter);
      const due = PUBLICATION[preset] as string;
      expect(await openDue(banli, item, 'publication')).toBe(due);
      await banli.send(item.id, { type: 'publication.publish', at: due, caseId }, { actor: actors.lead });
      expect((await deadlinesOf(banli, item, 'publication'))[0]?.status).toBe('met');
    });

    it('p11: one extension at most: a second request after one was approved is refused', async () => {
      const { banli } = ruleBanli(preset);
      await handling(banli, item);
      const ask = (at: string) => ({ type: 'case.requestExtension', at, caseId, reason: '情况复杂' });
      await banli.send(item.id, ask('2024-04-01'), { actor: actors.lead });
      await banli.send(item.id, { type: 'extension.approve', at: '2024-04-02', caseId }, { actor: actors.office });
      expect(policy.maxExtensions).toBe(1);
      const again = await refused(
        banli,
        item.id,
        () => banli.send(item.id, ask('2024-04-03'), { actor: actors.lead }),
        'TRANSITION_REFUSED',
      );
      expect(again).toMatchObject({ reason: { code: 'extension.limitReached' } });
    });

    it('p13: an approved extension adds the preset’s period to the reply, never past its maximum', async () => {
      const { banli } = ruleBanli(preset);
      await handling(banli, item);
      const [before, after] = EXTENDED[preset][`${kind}/${channel}`] as [string, string];
      expect(await openDue(banli, item, 'reply')).toBe(before);
      // Asked before the earliest due date of any shape (Chongqing's 04-26), as an extension must be (S10).
      const ask = { type: 'case.requestExtension', at: '2024-04-20', caseId, reason: '情况复杂' };
      await banli.send(item.id, ask, { actor: actors.lead });
      await banli.send(item.id, { type: 'extension.approve', at: '2024-04-22', caseId }, { actor: actors.office });
      expect(await openDue(banli, item, 'reply')).toBe(after);
    });

    it('p14: a draft of a class outside the preset’s scheme is refused (A/B/C schemes have no D)', async () => {
      if (policy.classScheme === 'ABCD') {
        expect(policy.classMeanings.D?.['zh-CN']).toBe('留作参考');
        return;
      }
      const { banli } = ruleBanli(preset);
      await handling(banli, item);
      await banli.send(item.id, { type: 'case.startDrafting', at: '2024-04-08', caseId }, { actor: actors.lead });
      const letter = { ...replyLetter(item.id, 'A', [], kind, policy), class: 'D' };
      const draft = { type: 'reply.submitDraft', at: '2024-04-10', caseId, letter };
      const error = await refused(
        banli,
        item.id,
        () => banli.send(item.id, draft, { actor: actors.lead }),
        'TRANSITION_REFUSED',
      );
      expect(error).toMatchObject({ reason: { code: 'class.notInScheme' } });
    });

    it.each(policy.classScheme.split(''))(
      'p12: a class %s reply rated satisfied is followed up exactly when the preset follows its class up',
      async (cls) => {
        const { banli } = ruleBanli(preset);
        await handling(banli, item);
        await reply(banli, item, cls);
        await rate(banli, item, 'satisfied');
        const state = await caseState(banli, item.id);
        const followed = (policy.followUpClasses as string[]).includes(cls);
        expect(state.includes('followUp')).toBe(followed);
        expect(state.includes('closed')).toBe(!followed);
      },
    );
  });
});
