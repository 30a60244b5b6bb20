// Issue 15 items 1 and 3, issue 13 item 11 (letter part): what a locality requires of a signed reply letter is policy
// data; sign-off refuses a letter missing any of it with ONE error listing every field in zh-CN and en; a submitted
// draft gets the same list as a warning; wording of the other kind and a stale class mark are refused at sign-off.
import { readdirSync, readFileSync } from 'node:fs';
import { type Policy, PolicySchema, presets, SOURCES } from '@banli/core';
import { LETTER_FIELD_LABELS, type Proposal, type ReplyLetter } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import { type Banli, type CommandResult, TransitionRefusedError } from '../src/index.js';
import { inHandling, requiredOf, withoutFields } from './support/letterRules.js';
import {
  actors,
  caseOf,
  caseState,
  type Kind,
  kindsOf,
  PRESET_NAMES,
  type PresetName,
  replyLetter,
} from './support/rules.js';

/** Drafts `letter` (the submit result) and tries to sign it off (the error, if refused). */
async function draftAndSign(banli: Banli, item: Proposal, letter: ReplyLetter) {
  const caseId = caseOf(item.id);
  await banli.send(item.id, { type: 'case.startDrafting', at: '2024-04-08', caseId }, { actor: actors.lead });
  const drafted = await banli.send(
    item.id,
    { type: 'reply.submitDraft', at: '2024-04-10', caseId, letter },
    { actor: actors.lead },
  );
  const before = (await banli.get(item.id)).version;
  const error = await banli
    .send(item.id, { type: 'signOff.approve', at: '2024-04-15', caseId, signer: '局长' }, { actor: actors.leader })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  const after = (await banli.get(item.id)).version;
  return { drafted, error: error as TransitionRefusedError | undefined, written: after - before };
}

const flagged = (r: CommandResult) =>
  r.emitted.find((n) => n.type === 'reply.draftFlagged') as { problems: { code: string; field: string }[] } | undefined;

describe('15.1 letter requirements are policy data, each with its source', () => {
  it.each(PRESET_NAMES)('15.1 %s sets requirements that validate, each cited among its sources', (preset) => {
    const policy = presets[preset];
    expect(PolicySchema.safeParse(policy).success).toBe(true);
    expect(policy.letterRequirements?.length ?? 0).toBeGreaterThan(0);
    const urls = new Set(policy.sources);
    const byNumber: Record<string, string> = SOURCES;
    for (const r of policy.letterRequirements ?? []) {
      expect(r.citation.source, `${preset}.${r.field}`).toBeDefined();
      expect(urls.has(byNumber[r.citation.source ?? ''] ?? ''), `${preset} cites ${r.citation.source}`).toBe(true);
    }
  });

  it('15.1 refuses `naming` on a field that is not a list of bodies', () => {
    const bad = {
      ...presets.chongqing,
      letterRequirements: [{ field: 'contact', naming: ['人大'], citation: { basis: 'inference' } }],
    };
    expect(PolicySchema.safeParse(bad).error?.issues[0]?.path).toEqual(['letterRequirements', 0, 'naming']);
  });
});

describe.each(PRESET_NAMES)('15.1 letter requirements under %s', (preset: PresetName) => {
  describe.each(kindsOf(preset))('for a %s', (kind) => {
    it(`15.1 signs off a complete ${kind} letter and warns of nothing`, async () => {
      const { banli, policy, item } = await inHandling(preset, kind);
      const { drafted, error, written } = await draftAndSign(banli, item, replyLetter(item.id, 'A', [], kind, policy));
      expect(error).toBeUndefined();
      expect(written).toBe(1);
      expect(flagged(drafted)).toBeUndefined();
    });

    it('15.1 refuses sign-off with ONE error listing every missing field in zh-CN and en, writing nothing', async () => {
      const { banli, policy, item } = await inHandling(preset, kind);
      const needs = requiredOf(policy, kind);
      const letter = withoutFields(
        replyLetter(item.id, 'A', [], kind, policy),
        needs.map((r) => r.field),
      );
      const { drafted, error, written } = await draftAndSign(banli, item, letter);
      expect(error).toBeInstanceOf(TransitionRefusedError);
      expect(error?.code).toBe('TRANSITION_REFUSED');
      expect(error?.reason.code).toBe('signOff.letterIncomplete');
      expect(error?.reason.details?.map((d) => d.field)).toEqual(needs.map((r) => r.field));
      expect(error?.reason.details?.map((d) => d.source)).toEqual(needs.map((r) => r.citation.source));
      for (const r of needs) {
        expect(error?.messages['zh-CN']).toContain(LETTER_FIELD_LABELS[r.field]['zh-CN']);
        expect(error?.messages.en).toContain(LETTER_FIELD_LABELS[r.field].en);
      }
      expect(written).toBe(0);
      expect(await caseState(banli, item.id)).toContain('signOff');
      // The same list was a warning when the draft was submitted, which was accepted.
      expect(flagged(drafted)?.problems.map((p) => p.field)).toEqual(needs.map((r) => r.field));
    });

    it('13.11 refuses sign-off of a letter worded for the other kind of item', async () => {
      const { banli, policy, item } = await inHandling(preset, kind);
      const other: Kind = kind === 'proposal' ? 'suggestion' : 'proposal';
      // The other kind's wording, copied where this preset requires (so only the wording is wrong).
      const worded = replyLetter(item.id, 'A', [], other, policy);
      const letter = replyLetter(item.id, 'A', [], kind, policy);
      const wrong = {
        ...worded,
        copyTo: { recipients: [...(letter.copyTo?.recipients ?? []), ...(worded.copyTo?.recipients ?? [])] },
      };
      const { drafted, error, written } = await draftAndSign(banli, item, wrong);
      expect(error?.reason.code).toBe('signOff.letterWrongKind');
      const fields = error?.reason.details?.map((d) => d.field);
      expect(fields).toEqual(['reference', 'addressees', 'title', 'copyTo']);
      expect(error?.messages['zh-CN']).toContain(kind === 'suggestion' ? '不应主送委员' : '不应主送人大代表');
      expect(written).toBe(0);
      expect(flagged(drafted)?.problems.every((p) => p.code === 'letter.wrongKind')).toBe(true);
    });

    it('15.3 refuses a printed class mark that disagrees with the class, and signs the corrected draft', async () => {
      const { banli, policy, item } = await inHandling(preset, kind);
      const good = replyLetter(item.id, 'B', [], kind, policy);
      const stale = { ...good, classMark: { text: '（A类）', position: 'topRight' as const } };
      const { error, written } = await draftAndSign(banli, item, stale);
      expect(error?.reason.code).toBe('signOff.classMarkMismatch');
      expect(error?.reason.messages).toEqual({
        'zh-CN': '答复函须补正后方可签发：所印分类标注“（A类）”与答复分类 B 类不符',
        en: "The reply letter must be corrected before sign-off: The printed class mark “（A类）” does not state the reply's class B",
      });
      expect(written).toBe(0);
      const caseId = caseOf(item.id);
      await banli.send(
        item.id,
        { type: 'signOff.return', at: '2024-04-15', caseId, note: '分类标注有误' },
        {
          actor: actors.leader,
        },
      );
      await banli.send(
        item.id,
        { type: 'reply.submitDraft', at: '2024-04-16', caseId, letter: good },
        {
          actor: actors.lead,
        },
      );
      await banli.send(
        item.id,
        { type: 'signOff.approve', at: '2024-04-17', caseId, signer: '局长' },
        {
          actor: actors.leader,
        },
      );
      expect(await caseState(banli, item.id)).not.toContain('signOff');
    });
  });
});

// ---- Real letters (packages/schemas/test/fixtures/letters) lacking optional fields ----

const lettersDir = new URL('../../schemas/test/fixtures/letters/', import.meta.url);
const realLetters = readdirSync(lettersDir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => {
    const { $comment: _c, ...letter } = JSON.parse(readFileSync(new URL(f, lettersDir), 'utf8')) as ReplyLetter & {
      $comment?: string;
    };
    return { name: f.replace('.expected.json', ''), letter };
  });
/** The kind a real letter answers: its printed reference, else its addressee (a letter naming no item, 武定: 委员). */
const kindOfReal = (letter: ReplyLetter): Kind =>
  (letter.reference?.kind ??
    (letter.addressees?.some((a) => /委员(?!会)/u.test(a)) ? 'proposal' : 'suggestion')) as Kind;
const real = (name: string) => {
  const found = realLetters.find((l) => l.name === name);
  if (!found) throw new Error(`no real letter ${name}`);
  return found.letter;
};

/**
 * A real letter as a draft of the rule item: as printed, plus what the system itself needs of a draft (a class of the
 * scheme, the points it answers). The printed fields are untouched.
 */
const asDraft = (letter: ReplyLetter, id: string): ReplyLetter => ({
  ...letter,
  proposalId: id,
  class: letter.class ?? 'A',
  responses: [{ suggestionIds: ['n1', 'n2'], body: (letter.body ?? ['（答复正文）']).slice(0, 1) }],
});

async function signReal(preset: PresetName, name: string, policy?: Policy) {
  const letter = real(name);
  const kind = kindOfReal(letter);
  const { banli, item } = await inHandling(preset, kind, policy);
  return draftAndSign(banli, item, asDraft(letter, item.id));
}

describe('15.1 real letters are accepted where the preset does not require what they lack', () => {
  it('15.1 signs 华容交通 (B类 on the number line, no disclosure mark) under chongqing and sichuan2024', async () => {
    for (const preset of ['chongqing', 'sichuan2024'] as const) {
      const { error, written } = await signReal(preset, 'hunan-huarong-transport-4');
      expect(error, preset).toBeUndefined();
      expect(written).toBe(1);
    }
  });

  it('15.1 refuses the same letter where the preset requires what it lacks, naming only that', async () => {
    const gd = await signReal('guangdongCity', 'hunan-huarong-transport-4');
    expect(gd.error?.reason.details?.map((d) => d.field)).toEqual(['disclosure']);
    expect(gd.error?.messages['zh-CN']).toContain('缺少公开方式（S39）');
    const npc = await signReal('nationalNpc', 'hunan-huarong-transport-4');
    expect(npc.error?.reason.details?.map((d) => d.field)).toEqual(['copyTo']);
    expect(npc.error?.messages['zh-CN']).toContain('抄送须含“全国人大常委会办公厅”（S8）');
  });

  it('15.1 lists everything a bare county letter lacks: 舒城 under chongqing, 镇康 (proposal) under guangdongCity', async () => {
    const shucheng = await signReal('chongqing', 'anhui-shucheng-water-3');
    expect(shucheng.error?.reason.details?.map((d) => d.field)).toEqual(['classMark', 'issuingUnit', 'copyTo']);
    const zhenkang = await signReal('guangdongCity', 'yunnan-zhenkang-transport-proposal');
    expect(zhenkang.error?.reason.details?.map((d) => d.field)).toEqual([
      'disclosure',
      'classMark',
      'docNumber',
      'contact',
    ]);
    const sichuan = await signReal('sichuan2024', 'yunnan-zhenkang-transport-proposal');
    expect(sichuan.error?.reason.details?.map((d) => d.field)).toEqual(['classMark']);
  });

  it.each(realLetters.map((l) => [l.name] as const))(
    '15.1 signs the real letter %s under a policy that requires nothing of letters',
    async (name) => {
      const kind = kindOfReal(real(name));
      const preset: PresetName = kind === 'proposal' ? 'guangdongCity' : 'chongqing';
      const { error, written } = await signReal(preset, name, { ...presets[preset], letterRequirements: [] });
      expect(error?.messages.en).toBeUndefined();
      expect(written).toBe(1);
    },
  );
});
