import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

// Debian's Chromium (installed by .ci/run); these flags keep it off a closed network (docs in the issue).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the browser tests keep their screenshots (CI keeps them as artefacts). */
export const artefacts = fileURLToPath(new URL('../test-artifacts/', import.meta.url));

/** Launches Debian's Chromium headless, off the network; Playwright gives each launch a fresh profile directory. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(artefacts, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Runs axe on the page and expects no violation. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page: page as never }).analyze();
  const serious = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  expect(serious, `axe on ${name}`).toEqual([]);
}

/**
 * The port the console server listens on in these tests: `BANLI_CONSOLE_TEST_PORT` (a port of the caller's own, where
 * several runs share a machine), else 0 (any free port).
 */
export function testPort(): number {
  return Number(process.env.BANLI_CONSOLE_TEST_PORT ?? 0);
}
