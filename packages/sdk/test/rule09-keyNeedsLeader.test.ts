// Issue 13 item 9 (S7): registering a key (重点) item without its supervising leader is refused through the SDK under
// every preset, for each kind it covers, with the typed reason `registration.keyNeedsLeader` worded by kind (提案 /
// 建议) in zh-CN and en; nothing is written, and the same registration naming the leader is accepted.
import { describe, expect, it } from 'vitest';
import { TransitionRefusedError } from '../src/index.js';
import { actors, kindsOf, PRESET_NAMES, refused, ruleBanli, ruleItem } from './support/rules.js';

const WORDS = {
  proposal: { zh: '重点提案', en: 'key proposal' },
  suggestion: { zh: '重点建议', en: 'key suggestion' },
} as const;

const RUNS = PRESET_NAMES.flatMap((preset) => kindsOf(preset).map((kind) => [preset, kind] as const));

describe.each(RUNS)('rule 9: a key item names its supervising leader (S7) under %s for a %s', (preset, kind) => {
  it('9j: review.register with key and no supervising leader is refused with registration.keyNeedsLeader', async () => {
    const { banli } = ruleBanli(preset);
    const item = ruleItem(kind);
    await banli.submit(item, { actor: actors.first, at: '2024-01-20' });
    await banli.send(item.id, { type: 'review.start', at: '2024-01-22' }, { actor: actors.committee });
    const register = { type: 'review.register', at: '2024-02-01', key: true };
    const error = await refused(
      banli,
      item.id,
      () => banli.send(item.id, register, { actor: actors.committee }),
      'TRANSITION_REFUSED',
    );
    expect(error).toBeInstanceOf(TransitionRefusedError);
    expect((error as TransitionRefusedError).eventType).toBe('review.register');
    expect((error as TransitionRefusedError).reason).toMatchObject({
      code: 'registration.keyNeedsLeader',
      source: 'S7',
    });
    const words = WORDS[kind];
    expect(error.messages).toEqual({
      'zh-CN': `${words.zh}须由领导领衔督办：立案时请填写督办领导（supervisingLeader）`,
      en: `A ${words.en} is supervised by a named leader: give the supervising leader (supervisingLeader) when registering it`,
    });
    // The refusal carries the state it refused in: still under review.
    expect((await banli.get(item.id)).state.proposal).toMatchObject({ lifecycle: 'review' });

    await banli.send(item.id, { ...register, supervisingLeader: '副市长' }, { actor: actors.committee });
    expect((await banli.get(item.id)).state.proposal).toMatchObject({ lifecycle: 'registered' });
  });
});
