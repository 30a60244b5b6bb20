// The refusals of a withdrawal (S31) called on core directly (issue 17: the mutation run of
// src/proposal/refusals/withdrawal.ts; the SDK's rule tests cover them too, but core's own tests did not): who may
// withdraw the item or a signature, and a written request dated after the event, each with its reason and wording.

import { chinaMainland } from '@banli/calendar';
import type { BanliEvent } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import { presets } from '../src/policy/presets/index.js';
import { createHandlingSystem } from '../src/system/createHandlingSystem.js';
import { Driver, intake, proposerIds, refusal, seedProposal, seedSystem } from './helpers/seed.js';

const [first, cosigner] = proposerIds as [string, string];
const withdraw = (by: string, date = '2023-03-02') =>
  ({ type: 'proposal.withdraw', at: '2023-03-02', by, writtenRequest: { date } }) as BanliEvent;
const withdrawSignature = (by: string, date = '2023-03-02') =>
  ({ type: 'proposal.withdrawSignature', at: '2023-03-02', by, writtenRequest: { date } }) as BanliEvent;

/** The seed item registered, as a CPPCC proposal or as an NPC suggestion (the wording names 领衔代表 then). */
function registered(kind: 'proposal' | 'suggestion' = 'proposal'): Driver {
  if (kind === 'proposal') return intake(new Driver(seedSystem()));
  const system = createHandlingSystem({ policy: presets.nationalNpc, calendar: chinaMainland });
  const d = new Driver(system);
  d.state = system.start({ proposal: { ...seedProposal, kind: 'suggestion' } as never, at: '2023-02-20' });
  return intake(d);
}

describe('withdrawal refusals (S31)', () => {
  it('should refuse a co-signer withdrawing the whole item, naming the first proposer of a proposal', () => {
    const { reason } = refusal(registered(), withdraw(cosigner));
    expect(reason).toMatchObject({ code: 'withdrawal.notFirstProposer', source: 'S31' });
    expect(reason.messages).toEqual({
      'zh-CN': '撤回须由第一提案人书面申请；联名人只能撤回本人的联名',
      en: 'Only the first proposer may withdraw the item, in writing; a co-signer may withdraw only their own signature',
    });
  });

  it('should name the leading deputy of a suggestion', () => {
    const { reason } = refusal(registered('suggestion'), withdraw(cosigner));
    expect(reason.messages).toEqual({
      'zh-CN': '撤回须由领衔代表书面申请；联名人只能撤回本人的联名',
      en: 'Only the leading deputy may withdraw the item, in writing; a co-signer may withdraw only their own signature',
    });
    expect(refusal(registered('suggestion'), withdrawSignature(first)).reason.messages).toEqual({
      'zh-CN': '领衔代表不能只撤回联名；如需撤回，须书面申请撤回整件',
      en: 'The leading deputy cannot withdraw only a signature; they withdraw the whole item in writing',
    });
  });

  it('should refuse the first proposer withdrawing only a signature, and a stranger withdrawing one', () => {
    const own = refusal(registered(), withdrawSignature(first)).reason;
    expect(own).toMatchObject({ code: 'withdrawal.firstProposerSignature', source: 'S31' });
    expect(own.messages).toEqual({
      'zh-CN': '第一提案人不能只撤回联名；如需撤回，须书面申请撤回整件',
      en: 'The first proposer cannot withdraw only a signature; they withdraw the whole item in writing',
    });
    const stranger = refusal(registered(), withdrawSignature('member-stranger')).reason;
    expect(stranger.code).toBe('withdrawal.notCosigner');
    expect(stranger.messages).toEqual({
      'zh-CN': 'member-stranger 不是本件的联名人',
      en: 'member-stranger is not a co-signer of this item',
    });
  });

  it('should refuse a written request dated after the event, for the item and for a signature', () => {
    for (const event of [withdraw(first, '2023-03-03'), withdrawSignature(cosigner, '2023-03-03')]) {
      const { reason } = refusal(registered(), event);
      expect(reason).toMatchObject({ code: 'withdrawal.requestAfterEvent', source: 'S31' });
      expect(reason.messages).toEqual({
        'zh-CN': '撤回须有书面申请在先：申请日期（2023年3月3日）晚于登记日期（2023年3月2日）',
        en: 'A withdrawal rests on an earlier written request: the request (2023-03-03) is dated after the event (2023-03-02)',
      });
    }
  });

  it('should not blame a request dated on the event day when the stage refuses the withdrawal', () => {
    const d = registered().send(withdraw(first, '2023-03-02'));
    const { reason } = refusal(d, withdraw(first, '2023-03-02'));
    expect(reason.code).toBe('state.notAccepting');
  });

  it('should accept each withdrawal on a request dated on or before the event', () => {
    expect(registered().can(withdraw(first, '2023-03-02'))).toBe(true);
    expect(registered().can(withdrawSignature(cosigner, '2023-03-01'))).toBe(true);
  });
});
