import type { Calendar } from '@banli/calendar';
import { createHandlingSystem, type HandlingSystemOptions, type Policy, presets } from '@banli/core';
import type { HandlingSystemLike } from './system.js';

/** A policy as @banli/core defines it (`PolicySchema`). */
export type PolicyLike = Policy;

/** What a `SystemFactory` is given: the policy, the calendar, and `createBanli`'s `engine` and `onFallback`. */
export interface SystemFactoryOptions extends Pick<HandlingSystemOptions, 'engine' | 'onFallback'> {
  policy: PolicyLike;
  calendar: Calendar;
}

/**
 * Builds the coordinator for a policy and a calendar (override it to drive customised machines). `engine` and
 * `onFallback` are `createBanli`'s; a factory that builds @banli/core's coordinator should pass them on (the default
 * and `systemFactory` do).
 */
export type SystemFactory = (options: SystemFactoryOptions) => HandlingSystemLike;

/** The default coordinator: @banli/core's `createHandlingSystem` with its default machines and the engine asked for. */
export const defaultSystemFactory: SystemFactory = ({ policy, calendar, engine, onFallback }) =>
  createHandlingSystem({ policy, calendar, engine, onFallback });

/** The default policy: the `guangdongCity` preset. */
export const defaultPolicy: PolicyLike = presets.guangdongCity;
