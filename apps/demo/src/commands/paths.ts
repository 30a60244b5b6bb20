import { caseMachine, proposalMachine, toMermaid } from '@banli/core';
import { banliPathReport } from '@banli/testing';
import { type Lang, messages } from '../i18n.js';
import { percent, table } from '../ui/text.js';

/** Prints path counts and state/transition coverage of both machines. */
export function pathsCommand(lang: Lang, out: (text: string) => void): number {
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
  return missing.length === 0 ? 0 : 1;
}

/** Prints the Mermaid state diagrams of both machines. */
export function chartCommand(out: (text: string) => void): number {
  out(`%% proposalMachine\n${toMermaid(proposalMachine)}`);
  out(`%% caseMachine\n${toMermaid(caseMachine)}`);
  return 0;
}
