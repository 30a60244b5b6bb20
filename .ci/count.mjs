// Sums the vitest JSON reports of every package, adds the failed checks named as arguments, and prints the plain
// closing line CI reads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
let reports = 0;
for (const group of ['packages', 'apps']) {
  for (const name of readdirSync(group)) {
    const file = join(group, name, 'test-results.json');
    try {
      statSync(file);
    } catch {
      continue;
    }
    const r = JSON.parse(readFileSync(file, 'utf8'));
    reports += 1;
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numRuntimeErrors ?? 0);
    skipped += r.numPendingTests + r.numTodoTests;
    if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) failed += r.numFailedTestSuites;
  }
}
// Checks run by .ci/run that are not vitest tests (knip, typecheck and lint, the pack install), named on the command
// line when they failed: each counts as one failure.
const failedChecks = process.argv.slice(2);
for (const check of failedChecks) console.log(`check failed: ${check}`);
failed += failedChecks.length;
console.log(`test reports: ${reports}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || reports === 0 ? 1 : 0);
