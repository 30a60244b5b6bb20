// Lets a child `node` process run the TypeScript sources of the workspace, as vitest does: start it with
// `node --conditions=@banli/source --import <this file> script.ts`. Used by the multi-process tests only.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
