import { useEffect, useState } from 'react';
import type { ActorChoice } from './api.js';
import { activeStateIds, highlight, rootIdOf } from './chartHighlight.js';
import type { HistoryEntry, ProposalView } from './ItemPage.js';
import { fill, type Lang, messages } from './i18n.js';
import { useApi } from './useApi.js';

let counter = 0;

/** One Mermaid diagram drawn as SVG in the browser (mermaid is bundled: nothing is fetched from elsewhere). */
function Diagram({ source, caption }: { source: string; caption: string }) {
  const [svg, setSvg] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    import('mermaid')
      .then(async ({ default: mermaid }) => {
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral' });
        counter += 1;
        const { svg } = await mermaid.render(`chart-${counter}`, source);
        if (live) setSvg(svg);
      })
      .catch((e: unknown) => live && setError(String(e)));
    return () => {
      live = false;
    };
  }, [source]);
  return (
    <figure>
      <figcaption>{caption}</figcaption>
      {error && <p role="alert">{error}</p>}
      <div className="chart" role="img" aria-label={caption} dangerouslySetInnerHTML={{ __html: svg ?? '' }} />
    </figure>
  );
}

/** Both state charts as pictures: the current states highlighted, the states passed through (the path) outlined. */
export function StateCharts({
  lang,
  actor,
  view,
  history,
}: {
  lang: Lang;
  actor: ActorChoice;
  view: ProposalView;
  history: readonly HistoryEntry[];
}) {
  const t = messages[lang];
  const charts = useApi<{ proposal: string; case: string }>('/v1/charts', actor, lang);
  if (!charts.data) return null;
  const { proposal, case: caseChart } = charts.data;
  const proposalRoot = rootIdOf(proposal) ?? 'proposal';
  const caseRoot = rootIdOf(caseChart) ?? 'case';
  return (
    <section aria-labelledby="charts-h">
      <h3 id="charts-h">{t.charts}</h3>
      <Diagram
        caption={t.proposalChart}
        source={highlight(
          proposal,
          activeStateIds(proposalRoot, view.state.proposal),
          history.flatMap((e) => activeStateIds(proposalRoot, e.stateAfter?.proposal)),
        )}
      />
      {Object.entries(view.state.cases).map(([caseId, value]) => (
        <Diagram
          key={caseId}
          caption={fill(t.caseChart, { caseId })}
          source={highlight(
            caseChart,
            activeStateIds(caseRoot, value),
            history.flatMap((e) => activeStateIds(caseRoot, e.stateAfter?.cases?.[caseId])),
          )}
        />
      ))}
    </section>
  );
}
