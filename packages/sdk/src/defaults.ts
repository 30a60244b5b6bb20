import type { Calendar } from '@banli/calendar';
import { createHandlingSystem, type Policy, presets } from '@banli/core';
import type { HandlingSystemLike } from './system.js';

/** A policy as @banli/core defines it (`PolicySchema`). */
export type PolicyLike = Policy;

/** Builds the coordinator for a policy and a calendar (override it to drive customised machines). */
export type SystemFactory = (options: { policy: PolicyLike; calendar: Calendar }) => HandlingSystemLike;

/** The default coordinator: @banli/core's `createHandlingSystem` with its default machines. */
export const defaultSystemFactory: SystemFactory = ({ policy, calendar }) => createHandlingSystem({ policy, calendar });

/** The default policy: the `guangdongCity` preset. */
export const defaultPolicy: PolicyLike = presets.guangdongCity;
