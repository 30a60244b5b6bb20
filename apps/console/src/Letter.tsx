import type { ActorChoice } from './api.js';
import { type Lang, messages } from './i18n.js';
import { useText } from './useText.js';

/** A case's reply letter as the server's HTML renderer prints it, in a sandboxed frame (no scripts). */
export function Letter({ id, caseId, lang, actor }: { id: string; caseId: string; lang: Lang; actor: ActorChoice }) {
  const t = messages[lang];
  const html = useText(
    `/v1/proposals/${encodeURIComponent(id)}/cases/${encodeURIComponent(caseId)}/letter?format=html`,
    actor,
    lang,
  );
  if (html.error) return <p role="alert">{html.error}</p>;
  return (
    <iframe
      title={`${t.letter}: ${caseId}`}
      data-testid="letter"
      sandbox=""
      srcDoc={html.text ?? ''}
      style={{ width: '100%', height: '32rem', border: '1px solid #888' }}
    />
  );
}
