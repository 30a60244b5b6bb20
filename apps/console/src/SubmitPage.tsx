import { useState } from 'react';
import { type ActorChoice, ApiProblem, api } from './api.js';
import { fill, type Lang, messages } from './i18n.js';

/** Submits a proposal or suggestion (`POST /v1/proposals`) as the chosen actor; the server's refusal is shown inline. */
export function SubmitPage({ lang, actor }: { lang: Lang; actor: ActorChoice }) {
  const t = messages[lang];
  const [text, setText] = useState('');
  const [at, setAt] = useState('');
  const [error, setError] = useState<string>();
  const [submitted, setSubmitted] = useState<string>();
  const submit = async () => {
    setError(undefined);
    let proposal: unknown;
    try {
      proposal = JSON.parse(text);
    } catch {
      setError(lang === 'en' ? 'Not valid JSON' : '不是有效的 JSON');
      return;
    }
    try {
      const result = await api<{ id: string }>('/v1/proposals', {
        actor,
        lang,
        method: 'POST',
        body: { proposal, ...(at ? { at } : {}) },
      });
      setSubmitted(result.id);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      setError(e.problem.messages?.[lang] ?? e.message);
    }
  };
  return (
    <section aria-labelledby="submit-h">
      <h2 id="submit-h">{t.submitProposal}</h2>
      <form
        data-testid="submit-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor="submit-proposal">{t.proposalJson}</label>
          <textarea
            id="submit-proposal"
            name="proposal"
            rows={12}
            cols={80}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'submit-error' : undefined}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="submit-at">{t.submitAt}</label>
          <input id="submit-at" name="at" type="date" value={at} onChange={(e) => setAt(e.target.value)} />
        </div>
        <button type="submit">{t.submit}</button>
        {error && (
          <p id="submit-error" role="alert" className="error">
            {error}
          </p>
        )}
      </form>
      {submitted && (
        <p data-testid="submitted">
          <a href={`#/items/${encodeURIComponent(submitted)}`}>{fill(t.submitted, { id: submitted })}</a>
        </p>
      )}
    </section>
  );
}
