// Issue 13 item 3 (S22): a fixed date that has passed falls back to 3 months; 民主党派 proposals by 10 May.
import { presets } from '@banli/core';
import { describe, expect, it } from 'vitest';
import { replyDue } from './support/deadlineScenario.js';

const city = presets.guangdongCity;

describe('rule 3 (S22): guangdongCity’s fixed dates', () => {
  it('3a: a session item assigned before 30 June is due 30 June of that year', async () => {
    expect((await replyDue(city, { kind: 'proposal', channel: 'session' }, '2023-03-15')).due).toBe('2023-06-30');
  });

  it('3b: assigned 2023-07-10, after 30 June, it is due 3 months later (2023-10-10), not 2024-07-01', async () => {
    expect((await replyDue(city, { kind: 'proposal', channel: 'session' }, '2023-07-10')).due).toBe('2023-10-10');
  });

  it('3c: assigned 2023-11-30 it is due 2024-02-29, not 2024-07-01', async () => {
    expect((await replyDue(city, { kind: 'proposal', channel: 'session' }, '2023-11-30')).due).toBe('2024-02-29');
  });

  it('3d: a suggestion assigned after 30 June falls back the same way', async () => {
    expect((await replyDue(city, { kind: 'suggestion', channel: 'session' }, '2023-07-10')).due).toBe('2023-10-10');
  });

  it('3e: a 民主党派 proposal is due by 10 May', async () => {
    const { due } = await replyDue(city, { kind: 'proposal', channel: 'session', party: true }, '2023-03-15');
    expect(due).toBe('2023-05-10');
  });

  it('3f: a 民主党派 proposal assigned after 10 May gets 3 months', async () => {
    const { due } = await replyDue(city, { kind: 'proposal', channel: 'session', party: true }, '2023-05-15');
    expect(due).toBe('2023-08-15');
  });
});
