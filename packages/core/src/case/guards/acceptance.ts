import { findLast } from '../../internal/arrays.js';
import type { CaseEventOf } from '../events.js';
import type { CaseContext, CaseRole } from '../types.js';

/** An adjustment may be requested only on or before the current window's due date. */
export function withinAdjustmentWindow(ctx: CaseContext, e: CaseEventOf<'case.requestAdjustment'>): boolean {
  const window = findLast(ctx.deadlines, (d) => d.kind === 'adjustmentWindow' && d.status !== 'cancelled');
  return window !== undefined && e.at <= window.due && e.reason.trim() !== '';
}

/** The case's unit plays this role. */
export function roleIs(ctx: CaseContext, role: CaseRole): boolean {
  return ctx.role === role;
}

/** A reassignment must name a different unit. */
export function isNewUnit(ctx: CaseContext, e: CaseEventOf<'adjustment.reassign'>): boolean {
  return e.toUnit.id !== ctx.unit.id;
}
