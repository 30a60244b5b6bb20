import type { Policy } from '@banli/core';
import type { ReplyLetter } from '@banli/schemas';
import { seedReplyLetter132402 } from '@banli/schemas/fixtures';

// Test letters that fit an item's kind and a preset's letter requirements (issue 15, issue 13.11).

/**
 * The letter copied where the policy requires for this kind (a 抄送 entry naming e.g. 全国人大常委会办公厅, S8): a
 * recipient named after the first required word is put first (two copies) when no entry names one.
 */
export function copiedAsRequired(letter: ReplyLetter, kind: 'proposal' | 'suggestion', policy?: Policy): ReplyLetter {
  const recipients = [...(letter.copyTo?.recipients ?? [])];
  for (const r of policy?.letterRequirements ?? []) {
    if (r.field !== 'copyTo' || !r.naming || !(r.kinds ?? [kind]).includes(kind)) continue;
    if (!recipients.some((x) => r.naming?.some((w) => x.name.includes(w))))
      recipients.unshift({ name: r.naming[0] ?? '', copies: 2 });
  }
  return recipients.length === 0 ? letter : { ...letter, copyTo: { separator: '、', recipients } };
}

/**
 * The seed letter (a CPPCC proposal's reply) reworded as the reply to the same item filed as a deputies' suggestion:
 * referring to 建议, addressed to 代表, copied to the people's congress instead of 政协提案委员会.
 */
export function seedLetterAsSuggestion(policy?: Policy): ReplyLetter {
  const seed = seedReplyLetter132402;
  const reworded: ReplyLetter = {
    ...seed,
    reference: {
      kind: 'suggestion',
      printed: '市十三届人大二次会议第132402号建议',
      term: 13,
      session: 2,
      number: '132402',
    },
    title: '中山市商务局关于市十三届人大二次会议第132402号建议答复的函',
    addressees: ['梁晓珩等代表'],
    copyTo: {
      separator: '、',
      recipients: [
        { name: '市人大常委会选举联络人事任免工作委员会', copies: 2 },
        ...(seed.copyTo?.recipients ?? []).filter((r) => !r.name.includes('政协')),
      ],
    },
  };
  return copiedAsRequired(reworded, 'suggestion', policy);
}
