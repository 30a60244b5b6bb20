import type { Calendar } from '@banli/calendar';
import type { HandlingSystemLike } from './system.js';

/** A policy as @banli/core defines it (`PolicySchema`). */
export type PolicyLike = { id: string; [key: string]: unknown };

/** Builds the coordinator for a policy and a calendar. */
export type SystemFactory = (options: { policy: PolicyLike; calendar: Calendar }) => HandlingSystemLike;

/** The default coordinator: @banli/core's `createHandlingSystem`. */
export const defaultSystemFactory: SystemFactory = () => {
  throw new Error('@banli/core createHandlingSystem is not available yet');
};

/** The default policy preset. */
export const defaultPolicy: PolicyLike = { id: 'guangdongCity' };
