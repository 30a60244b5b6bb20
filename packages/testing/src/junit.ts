import { formatFailures } from './failures.js';
import type { ScenarioRun } from './runScenario.js';

const escapeXml = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');

/**
 * Renders scenario runs as JUnit XML (one `<testcase>` per scenario, its failures as a readable diff), for CI
 * dashboards that read JUnit reports.
 *
 * @example
 * ```ts
 * const runs = await Promise.all(allScenarios.map((s) => runScenario(s)));
 * writeFileSync('scenarios.junit.xml', toJUnitXml(runs));
 * ```
 */
export function toJUnitXml(runs: readonly ScenarioRun[], suiteName = 'banli scenarios'): string {
  const failures = runs.filter((r) => r.failures.length > 0).length;
  const cases = runs.map((r) => {
    const name = escapeXml(r.scenario.name);
    const title = escapeXml(r.scenario.title.en);
    const open = `  <testcase classname="${escapeXml(suiteName)}" name="${name}">`;
    const warnings = r.warnings.map((w) => w.messages.en).join('\n');
    const out = warnings ? `\n    <system-out>${escapeXml(warnings)}</system-out>` : '';
    if (r.failures.length === 0) return `${open}${out}\n  </testcase>`;
    const message = escapeXml(`${title}: ${r.failures.length} expectation(s) failed`);
    const body = escapeXml(formatFailures(r.failures));
    return `${open}\n    <failure message="${message}" type="ScenarioFailure">${body}</failure>${out}\n  </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${runs.length}" failures="${failures}">`,
    `<testsuite name="${escapeXml(suiteName)}" tests="${runs.length}" failures="${failures}" errors="0">`,
    ...cases,
    '</testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
