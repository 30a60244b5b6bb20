import type { Policy } from '../schema.js';
import { chongqing } from './chongqing.js';
import { guangdongCity } from './guangdongCity.js';
import { nationalNpc } from './nationalNpc.js';
import { sichuan2024 } from './sichuan2024.js';

/**
 * Sourced policy presets, each citing domain.md's sources in `sources`.
 *
 * @example
 * ```ts
 * const system = createHandlingSystem({ policy: presets.guangdongCity, calendar: chinaMainland });
 * ```
 */
export const presets: {
  readonly nationalNpc: Policy;
  readonly guangdongCity: Policy;
  readonly sichuan2024: Policy;
  readonly chongqing: Policy;
} = { nationalNpc, guangdongCity, sichuan2024, chongqing };
