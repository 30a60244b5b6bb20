// Issue 15: a follow-up (second) reply (二次答复, S10 art. 20, S74) is a reply like the first (S10 art. 22: every 答复
// in the one prescribed form), so it meets the locality's letter requirements for the item's kind. It has no sign-off
// step: the letter is checked when it is sent, and refused with ONE error listing every problem in zh-CN and en.
import { presets } from '@banli/core';
import { LETTER_FIELD_LABELS } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import {
  createBanli,
  createManualClock,
  createMemoryStore,
  type JsonObject,
  type StoredEvent,
  type TransitionRefusedError,
} from '../src/index.js';
import { inFollowUp, requiredOf, sendFollowUp, withoutFields } from './support/letterRules.js';
import {
  caseOf,
  caseState,
  followUpLetter,
  type Kind,
  kindsOf,
  PRESET_NAMES,
  type PresetName,
  refused,
} from './support/rules.js';

describe.each(PRESET_NAMES)('15.1 follow-up (二次答复) letters under %s', (preset: PresetName) => {
  describe.each(kindsOf(preset))('for a %s', (kind) => {
    it('15.1 sends a complete follow-up letter and closes the case', async () => {
      const { banli, policy, item } = await inFollowUp(preset, kind);
      const result = await sendFollowUp(banli, item.id, followUpLetter(item.id, kind, policy));
      expect(result.emitted.map((n) => n.type)).toContain('followUp.replied');
      expect(await caseState(banli, item.id)).toContain('closed');
    });

    it('15.1 refuses a follow-up letter missing required fields, listing every one in zh-CN and en', async () => {
      const { banli, policy, item } = await inFollowUp(preset, kind);
      const needs = requiredOf(policy, kind);
      const letter = withoutFields(
        followUpLetter(item.id, kind, policy),
        needs.map((r) => r.field),
      );
      const error = (await refused(
        banli,
        item.id,
        () => sendFollowUp(banli, item.id, letter),
        'TRANSITION_REFUSED',
      )) as TransitionRefusedError;
      expect(error.reason.code).toBe('followUp.letterIncomplete');
      expect(error.reason.details?.map((d) => d.field)).toEqual(needs.map((r) => r.field));
      expect(error.reason.details?.map((d) => d.source)).toEqual(needs.map((r) => r.citation.source));
      expect(error.messages['zh-CN']).toContain('二次答复函须补正后方可发出：');
      expect(error.messages.en).toContain('The follow-up (second) reply letter must be corrected before it is sent: ');
      for (const r of needs) {
        expect(error.messages['zh-CN']).toContain(LETTER_FIELD_LABELS[r.field]['zh-CN']);
        expect(error.messages.en).toContain(LETTER_FIELD_LABELS[r.field].en);
      }
      expect(await caseState(banli, item.id)).toContain('followUp');
      // Corrected, it goes out.
      await sendFollowUp(banli, item.id, followUpLetter(item.id, kind, policy), '2024-10-09');
      expect(await caseState(banli, item.id)).toContain('closed');
    });

    it('15.1 refuses a follow-up letter worded for the other kind of item', async () => {
      const { banli, policy, item } = await inFollowUp(preset, kind);
      const other: Kind = kind === 'proposal' ? 'suggestion' : 'proposal';
      const letter = followUpLetter(item.id, kind, policy);
      const worded = followUpLetter(item.id, other, policy);
      const wrong = {
        ...worded,
        copyTo: { recipients: [...(letter.copyTo?.recipients ?? []), ...(worded.copyTo?.recipients ?? [])] },
      };
      const error = (await refused(
        banli,
        item.id,
        () => sendFollowUp(banli, item.id, wrong),
        'TRANSITION_REFUSED',
      )) as TransitionRefusedError;
      expect(error.reason.code).toBe('followUp.letterWrongKind');
      expect(error.reason.details?.map((d) => d.field)).toEqual(['reference', 'addressees', 'title', 'copyTo']);
    });

    it('15.3 refuses a follow-up letter whose printed mark states another class than its own', async () => {
      const { banli, policy, item } = await inFollowUp(preset, kind);
      const stale = {
        ...followUpLetter(item.id, kind, policy),
        classMark: { text: '（B类）', position: 'topRight' as const },
      };
      const error = (await refused(
        banli,
        item.id,
        () => sendFollowUp(banli, item.id, stale),
        'TRANSITION_REFUSED',
      )) as TransitionRefusedError;
      expect(error.reason.code).toBe('followUp.classMarkMismatch');
      expect(error.reason.messages).toEqual({
        'zh-CN': '二次答复函须补正后方可发出：所印分类标注“（B类）”与答复分类 A 类不符',
        en: "The follow-up (second) reply letter must be corrected before it is sent: The printed class mark “（B类）” does not state the reply's class A",
      });
    });
  });
});

describe('15.1 follow-up letters: the other way into a second reply, and the points', () => {
  it('15.1 checks the letter too when the second reply comes before the feedback (awaitingFeedback)', async () => {
    const { banli, policy, item } = await inFollowUp('nationalNpc', 'suggestion', { rated: false });
    const letter = withoutFields(followUpLetter(item.id, 'suggestion', policy), ['copyTo']);
    const error = (await refused(
      banli,
      item.id,
      () => sendFollowUp(banli, item.id, letter),
      'TRANSITION_REFUSED',
    )) as TransitionRefusedError;
    expect(error.reason.code).toBe('followUp.letterIncomplete');
    expect(error.messages['zh-CN']).toContain('抄送须含“全国人大常委会办公厅”（S8）');
  });

  it('15.1 refuses, in 跟踪办理, a follow-up letter that leaves a point unanswered', async () => {
    const { banli, policy, item } = await inFollowUp('guangdongCity', 'proposal');
    const letter = followUpLetter(item.id, 'proposal', policy);
    const partial = { ...letter, responses: (letter.responses ?? []).slice(0, 1) };
    const error = (await refused(
      banli,
      item.id,
      () => sendFollowUp(banli, item.id, partial),
      'TRANSITION_REFUSED',
    )) as TransitionRefusedError;
    expect(error.reason.code).toBe('draft.pointUnanswered');
  });

  it('15.1 a preset without letter requirements still refuses only wording and marks', async () => {
    const bare = { ...presets.chongqing, letterRequirements: [] };
    const { banli, item } = await inFollowUp('chongqing', 'suggestion', { policy: bare });
    const letter = withoutFields(followUpLetter(item.id, 'suggestion', bare), ['copyTo', 'contact', 'classMark']);
    await sendFollowUp(banli, item.id, letter);
    expect(await caseState(banli, item.id)).toContain('closed');
  });
});

describe('15.1 follow-up letters sent before the check (replay of proposal@2 / case@2 logs)', () => {
  /** A closed case's log as a release before the check stored it: every entry under `version`, the follow-up letter without 抄送. */
  async function oldLog(version: string) {
    const { banli, policy, item } = await inFollowUp('nationalNpc', 'suggestion');
    await sendFollowUp(banli, item.id, followUpLetter(item.id, 'suggestion', policy));
    const log = (await banli.history(item.id)).map((entry): StoredEvent => {
      const e = structuredClone(entry);
      e.machine = { ...e.machine, version };
      const event = e.event as { letter?: JsonObject };
      if (e.type === 'followUp.reply' && event.letter) delete event.letter.copyTo;
      return e;
    });
    const store = createMemoryStore({ isolate: true });
    const summary = await banli.store.getSummary(item.id);
    if (!summary) throw new Error('no summary');
    await store.append({ streamId: item.id, expectedVersion: 0, events: log, summary, deadlines: [] });
    const later = createBanli({ store, policy, clock: createManualClock('2024-10-09') });
    return { later, id: item.id };
  }

  it('15.1 loads a proposal@2 log whose follow-up letter today’s check would refuse', async () => {
    const { later, id } = await oldLog('proposal@2');
    expect(JSON.stringify((await later.get(id)).state.cases[caseOf(id)])).toContain('closed');
  });

  it('15.1 still checks it in a log written under the current version', async () => {
    const { later, id } = await oldLog('proposal@4');
    await expect(later.get(id)).rejects.toMatchObject({ reason: { code: 'followUp.letterIncomplete' } });
  });
});
