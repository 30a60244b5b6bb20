import { caseMachine, proposalMachine } from '@banli/core';
import { allScenarios, banliPathReport, coverageFromHistory, runScenario } from '@banli/testing';
import { defineCommand } from '../cli/command.js';
import { messages } from '../i18n.js';
import { transitionText } from '../ui/labels.js';
import { percent, table } from '../ui/text.js';

/** `banli-demo paths`: path counts and state/transition coverage of both machines, by generated paths and by the scenarios. */
export default defineCommand({
  name: 'paths',
  order: 20,
  summary: {
    'zh-CN': '两个状态机的路径数及状态/迁移覆盖率（生成路径与场景）',
    en: 'path counts and state/transition coverage of both machines (generated paths and scenarios)',
  },
  options: {},
  async run({ lang, out }) {
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
    const missing = reports.flatMap((r) =>
      r.coverage.transitions.missing.map((key) => `  ${transitionText(key, lang)}`),
    );
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
    out(
      `${t.notCovered}:\n${byScenario.flatMap(([, r]) => r.transitions.missing.map((m) => `  ${transitionText(m, lang)}`)).join('\n')}`,
    );
    return reports.some((r) => r.coverage.transitions.missing.length > 0) ? 1 : 0;
  },
});
