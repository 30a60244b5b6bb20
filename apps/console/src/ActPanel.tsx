import type { Bilingual } from '@banli/schemas';
import { useState } from 'react';
import { type ActorChoice, ApiProblem, api } from './api.js';
import { fill, type Lang, messages } from './i18n.js';
import { eventFrom, FieldError, fieldsOf, type JsonSchema } from './schemaForm.js';
import { useApi } from './useApi.js';

interface Command {
  type: string;
  caseId?: string;
  accepted: boolean;
  label: Bilingual;
  schema: JsonSchema;
}

/** One command's form, built from its event schema; the server's zh-CN/en errors are shown inline. */
function CommandForm({
  id,
  command,
  lang,
  actor,
  version,
  onSent,
}: {
  id: string;
  command: Command;
  lang: Lang;
  actor: ActorChoice;
  version: number;
  onSent: (type: string) => void;
}) {
  const t = messages[lang];
  const fields = fieldsOf(command.schema);
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [errors, setErrors] = useState<{ form?: string; fields: Record<string, string> }>({ fields: {} });
  const key = `${command.type}-${command.caseId ?? 'p'}`.replace(/[^A-Za-z0-9-]/g, '_');
  const submit = async () => {
    let event: Record<string, unknown>;
    try {
      event = eventFrom(command.type, command.caseId, fields, values);
    } catch (e) {
      if (e instanceof FieldError) {
        setErrors({ fields: { [e.field]: lang === 'en' ? 'Not valid JSON or number' : '不是有效的 JSON 或数字' } });
        return;
      }
      throw e;
    }
    try {
      await api(`/v1/proposals/${encodeURIComponent(id)}/events`, {
        actor,
        lang,
        method: 'POST',
        body: { event },
      });
      setErrors({ fields: {} });
      onSent(command.type);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      const byField: Record<string, string> = {};
      for (const issue of e.problem.issues ?? []) {
        const name = String(issue.path?.[0] ?? '');
        const text = issue.messages?.[lang] ?? issue.message ?? '';
        if (name && fields.some((f) => f.name === name))
          byField[name] = byField[name] ? `${byField[name]}; ${text}` : text;
      }
      setErrors({ form: e.problem.messages?.[lang] ?? e.message, fields: byField });
    }
  };
  return (
    <form
      className="command"
      aria-labelledby={`${key}-h`}
      data-command={command.type}
      data-case={command.caseId ?? ''}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h4 id={`${key}-h`}>
        {command.label[lang] || command.type} <code>{command.type}</code>
        {command.caseId ? ` — ${command.caseId}` : ''}
      </h4>
      {!command.accepted && <p className="hint">{t.payloadGuard}</p>}
      {fields.map((f) => {
        const inputId = `${key}-${f.name}`;
        const label = `${f.label?.[lang] ?? f.name}${f.required ? ' *' : ''}`;
        const err = errors.fields[f.name];
        const common = {
          id: inputId,
          name: f.name,
          'aria-invalid': err ? true : undefined,
          'aria-describedby': err ? `${inputId}-err` : undefined,
        };
        const value = values[f.name];
        return (
          <div key={f.name} className="field">
            <label htmlFor={inputId}>{f.input === 'json' ? fill(t.jsonField, { name: label }) : label}</label>
            {f.input === 'checkbox' ? (
              <input
                {...common}
                type="checkbox"
                checked={value === true}
                onChange={(e) => setValues({ ...values, [f.name]: e.target.checked })}
              />
            ) : f.input === 'select' ? (
              <select
                {...common}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              >
                <option value="">—</option>
                {f.options?.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : f.input === 'json' ? (
              <textarea
                {...common}
                rows={4}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              />
            ) : (
              <input
                {...common}
                type={f.input}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              />
            )}
            {err && (
              <span id={`${inputId}-err`} className="error">
                {err}
              </span>
            )}
          </div>
        );
      })}
      {errors.form && (
        <p role="alert" className="error">
          {errors.form}
        </p>
      )}
      <button type="submit">{t.send}</button>
      <input type="hidden" name="version" value={version} />
    </form>
  );
}

/** Acting on an item as the chosen actor: only the commands the server's `can` offers now. */
export function ActPanel({
  id,
  lang,
  actor,
  version,
  onSent,
}: {
  id: string;
  lang: Lang;
  actor: ActorChoice;
  version: number;
  onSent: () => void;
}) {
  const t = messages[lang];
  const [sent, setSent] = useState<string>();
  const commands = useApi<{ items: Command[] }>(
    `/v1/proposals/${encodeURIComponent(id)}/commands?v=${version}`,
    actor,
    lang,
  );
  return (
    <section aria-labelledby="act-h">
      <h3 id="act-h">{t.act}</h3>
      {sent && (
        <p role="status" data-testid="sent">
          {fill(t.sent, { type: sent })}
        </p>
      )}
      {commands.error && <p role="alert">{commands.error}</p>}
      {commands.data && commands.data.items.length === 0 && <p data-testid="no-commands">{t.noCommands}</p>}
      {commands.data?.items.map((c) => (
        <CommandForm
          key={`${c.type}-${c.caseId ?? ''}-${version}`}
          id={id}
          command={c}
          lang={lang}
          actor={actor}
          version={version}
          onSent={(type) => {
            setSent(type);
            onSent();
          }}
        />
      ))}
    </section>
  );
}
