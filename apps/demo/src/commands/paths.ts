import { caseMachine, proposalMachine, toMermaid } from '@banli/core';
import { allScenarios, banliPathReport, coverageFromHistory, runScenario } from '@banli/testing';
import { type Lang, messages } from '../i18n.js';
import { percent, table } from '../ui/text.js';

/** Prints path counts and state/transition coverage of both machines. */
export async function pathsCommand(lang: Lang, out: (text: string) => void): Promise<number> {
  const t = messages[lang];
  const reports = banliPathReport({ simple: ['proposal'] });
  const rows = reports.map((r) => [
    r.machine,
    `${r.coverage.states.covered}/${r.coverage.states.total}`,
    `${r.coverage.transitions.covered}/${r.coverage.transitions.total}`,
    percent(r.coverage.ratio),
    String(r.shortestPaths),
    r.simplePaths === undefined ? '—' : String(r.simplePaths),
  ]);
  out(table([t.machine, t.stateCoverage, t.coverage, '%', t.shortestPaths, t.simplePaths], rows));
  const missing = reports.flatMap((r) => r.coverage.transitions.missing);
  out(missing.length === 0 ? t.allCovered : `${t.notCovered}:\n${missing.join('\n')}`);
  out(t.simpleNote);
  // The same report for the scenario fixtures run through the SDK: what a hand-written suite exercises, and what not.
  const histories = [];
  for (const scenario of allScenarios) histories.push((await runScenario(scenario)).history);
  const byScenario = [
    ['proposal', coverageFromHistory(proposalMachine, 'proposal', histories)],
    ['case', coverageFromHistory(caseMachine, 'case', histories)],
  ] as const;
  out(`\n${t.scenarioCoverage(allScenarios.length)}`);
  out(
    table(
      [t.machine, t.stateCoverage, t.coverage, '%'],
      byScenario.map(([name, r]) => [
        name,
        `${r.states.covered}/${r.states.total}`,
        `${r.transitions.covered}/${r.transitions.total}`,
        percent(r.ratio),
      ]),
    ),
  );
  out(`${t.notCovered}:\n${byScenario.flatMap(([, r]) => r.transitions.missing.map((m) => `  ${m}`)).join('\n')}`);
  return missing.length === 0 ? 0 : 1;
}

/** Prints the Mermaid state diagrams of both machines. */
export function chartCommand(out: (text: string) => void): number {
  out(`%% proposalMachine\n${toMermaid(proposalMachine)}`);
  out(`%% caseMachine\n${toMermaid(caseMachine)}`);
  return 0;
}
