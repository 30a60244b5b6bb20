// Issue 13 item 9: registering a key item without its supervising leader names that rule, not the stage.
import { describe, expect, it } from 'vitest';
import { TransitionRefusedError } from '../src/errors.js';
import { Driver, seedSystem } from './helpers/seed.js';

function underReview(): Driver {
  return new Driver(seedSystem())
    .send({ type: 'proposal.submit', at: '2023-02-20' })
    .send({ type: 'review.start', at: '2023-02-21' });
}

describe('registration refusals', () => {
  it('should refuse a key item registered without a supervising leader, naming the rule (S7)', () => {
    const d = underReview();
    const before = d.state;
    let error: unknown;
    try {
      d.send({ type: 'review.register', at: '2023-03-01', key: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TransitionRefusedError);
    expect(d.state).toBe(before);
    const reason = (error as TransitionRefusedError).reason;
    expect(reason?.code).toBe('registration.keyNeedsLeader');
    expect(reason?.source).toBe('S7');
    expect(reason?.messages['zh-CN']).toContain('重点提案须由领导领衔督办');
    expect(reason?.messages.en).toContain('supervising leader');
  });

  it('should register a key item that names its supervising leader', () => {
    const d = underReview().send({ type: 'review.register', at: '2023-03-01', key: true, supervisingLeader: '副市长' });
    expect(JSON.stringify(d.state)).toContain('registered');
  });
});
