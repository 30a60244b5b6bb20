import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chinaMainland } from '@banli/calendar';
import {
  type CaseSummary,
  createHandlingSystem,
  type Deadline,
  type HandlingState,
  type HandlingSummary,
  type Notification,
  presets,
} from '@banli/core';
import { seedProposal132402 } from '@banli/schemas/fixtures';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defaultSystemFactory } from '../src/defaults.js';
import {
  type CommandResult,
  type HandlingStateLike,
  type HandlingSystemLike,
  type StateView,
  type SystemCaseSummary,
  type SystemDeadline,
  type SystemNotification,
  type SystemSummary,
  systemFactory,
} from '../src/index.js';

// Issue 18: the SDK drives @banli/core through core's own types, not a structural copy reached through casts.

const SRC = fileURLToPath(new URL('../src', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });

describe('the SDK on core types', () => {
  it("should name core's own types where it used to restate them", () => {
    expectTypeOf<SystemDeadline>().toEqualTypeOf<Deadline>();
    expectTypeOf<HandlingStateLike>().toEqualTypeOf<HandlingState>();
    expectTypeOf<SystemNotification>().toEqualTypeOf<Notification>();
    expectTypeOf<SystemSummary>().toEqualTypeOf<HandlingSummary>();
    expectTypeOf<SystemCaseSummary>().toEqualTypeOf<CaseSummary>();
    expectTypeOf<CommandResult['state']>().toEqualTypeOf<StateView>();
  });

  it("should take core's coordinator as it is, without a cast", () => {
    const system: HandlingSystemLike = createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland });
    const options = { policy: presets.guangdongCity, calendar: chinaMainland };
    for (const s of [defaultSystemFactory(options), systemFactory()(options), system]) {
      expect(s.summary(s.start({ proposal: seedProposal132402, at: '2023-03-01' })).value).toMatchObject({
        lifecycle: 'draft',
      });
    }
  });

  it('should reach core through no `as unknown as` cast in its sources', () => {
    const offenders = sources(SRC).filter((path) => readFileSync(path, 'utf8').includes('as unknown as'));
    expect(offenders).toEqual([]);
  });
});
