import { BanliTestingError } from '../errors.js';
import type { Distribution, SimulationOptions } from './options.js';

function invalid(zh: string, en: string): never {
  throw new BanliTestingError('INVALID_SIMULATION', { 'zh-CN': zh, en });
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function rate(name: string, v: number | undefined): void {
  if (v === undefined) return;
  if (!finite(v) || v < 0 || v > 1)
    invalid(`${name} 须为 0 到 1 之间的概率：${v}`, `${name} must be a probability between 0 and 1: ${v}`);
}

function weights(name: string, w: Record<string, number | undefined> | undefined, needPositive: boolean): void {
  if (w === undefined) return;
  for (const [k, v] of Object.entries(w))
    if (v !== undefined && (!finite(v) || v < 0))
      invalid(`${name}.${k} 须为非负数：${v}`, `${name}.${k} must be a non-negative number: ${v}`);
  if (needPositive && !Object.values(w).some((v) => (v ?? 0) > 0))
    invalid(`${name} 至少要有一个正权重`, `${name} needs at least one positive weight`);
}

function distribution(name: string, d: Distribution | undefined): void {
  if (d === undefined) return;
  const bad = (zh: string, en: string) => invalid(`${name}：${zh}`, `${name}: ${en}`);
  switch (d.kind) {
    case 'fixed':
      if (!finite(d.value) || d.value < 0) bad('value 须为非负数', 'value must be a non-negative number');
      return;
    case 'uniform':
      if (!finite(d.min) || !finite(d.max) || d.min < 0 || d.min > d.max)
        bad('须满足 0 ≤ min ≤ max', 'needs 0 ≤ min ≤ max');
      return;
    case 'normal':
      if (!finite(d.mean) || !finite(d.sd) || d.sd < 0) bad('mean 须为数，sd ≥ 0', 'needs a finite mean and sd ≥ 0');
      return;
    case 'lognormal':
      if (!finite(d.median) || !finite(d.sigma) || d.median <= 0 || d.sigma < 0)
        bad('须满足 median > 0、sigma ≥ 0', 'needs median > 0 and sigma ≥ 0');
      return;
    default:
      bad('未知的分布类型', 'unknown distribution kind');
  }
}

/** Refuses options that cannot describe a caseload (rates outside [0, 1], negative weights, empty distributions). */
export function validateSimulationOptions(o: SimulationOptions): void {
  if (!Number.isInteger(o.proposals) || o.proposals < 1)
    invalid(`提案数须为正整数：${o.proposals}`, `proposals must be a positive integer: ${o.proposals}`);
  if (!Number.isInteger(o.seed)) invalid(`种子须为整数：${o.seed}`, `seed must be an integer: ${o.seed}`);
  rate('jointShare', o.jointShare);
  rate('suggestionShare', o.suggestionShare);
  rate('extensionRate', o.extensionRate);
  rate('dissatisfactionRate', o.dissatisfactionRate);
  rate('missedContactRate', o.missedContactRate);
  rate('mergeRate', o.mergeRate);
  rate('adjustmentRate', o.adjustmentRate);
  rate('reassignShare', o.reassignShare);
  rate('overrideCloseRate', o.overrideCloseRate);
  rate('missedOpinionRate', o.missedOpinionRate);
  rate('coUnitContactRate', o.coUnitContactRate);
  const corrections = o.calendarCorrections;
  if (corrections !== undefined && (!Number.isInteger(corrections) || corrections < 0 || corrections > 12))
    invalid(
      `calendarCorrections 须为 0 到 12 之间的整数：${corrections}`,
      `calendarCorrections must be a whole number from 0 to 12: ${corrections}`,
    );
  rate('arrivals.sessionShare', o.arrivals?.sessionShare);
  const session = o.arrivals?.session;
  if (session && !(session[0] <= session[1] && session.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))))
    invalid(
      `会期须为两个有序的日期：${session.join('–')}`,
      `the session must be two ordered dates: ${session.join('–')}`,
    );
  weights('modes', o.modes, true);
  weights('classes', o.classes, false);
  for (const [i, u] of (o.units ?? []).entries()) {
    weights(`units[${i}].weight`, { weight: u.weight }, false);
    distribution(`units[${i}].replyDays`, u.replyDays);
    distribution(`units[${i}].opinionDays`, u.opinionDays);
  }
}
