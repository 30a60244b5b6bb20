export {
  createJwtActorResolver,
  devActorResolver,
  firstActor,
  type JwtActorOptions,
  type ResolveActor,
} from './actors.js';
export { type AppOptions, createApp } from './app.js';
export { domainSchemas, eventComponentName, type JsonSchemaObject } from './domainSchemas.js';
export { type NotificationFeed, outboxFeed, type SseOptions, sseResponse } from './notifications.js';
export {
  HttpProblem,
  type HttpProblemCode,
  type Lang,
  negotiateLanguage,
  type Problem,
  problemOf,
  statusOf,
} from './problem.js';
export { startTickScheduler, type TickScheduler, type TickSchedulerOptions } from './scheduler.js';
export { openStore, type RunningServer, type ServerOptions, startServer } from './serve.js';
export {
  type TransitionsEntry,
  type TransitionsStreamOptions,
  transitionsEntry,
  transitionsResponse,
} from './transitionsStream.js';
