import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { HistoryEntry, InspectedElement, ModificationProblem, Template, TemplateForm } from '../shared/api.js';
import { api, ApiFailure, messageOf } from './api.js';
import { Output, StatusBadge } from './Output.js';

/** One input of the form: the modification key it sets and how to edit it. */
interface Field {
  key: string;
  label: string;
  kind: 'text' | 'url' | 'color';
  initial: string;
  group: string;
  dynamic: boolean;
}

const TOP = 'Top level';
const inputId = (key: string) => `mod-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** The form's fields from the template's inspection: placeholders and text, media URLs, fill colours. */
function fieldsOf(elements: InspectedElement[]): Field[] {
  const fields: Field[] = [];
  const seen = new Set<string>();
  const add = (f: Field) => {
    if (!seen.has(f.key)) fields.push(f);
    seen.add(f.key);
  };
  for (const el of elements) {
    const name = el.name ?? el.id!;
    const base = { group: el.path.length ? el.path.join(' › ') : TOP, dynamic: el.dynamic };
    if (el.type === 'text' && el.placeholders.length > 0) {
      for (const p of el.placeholders) add({ ...base, key: p, label: `${p} (in ${name})`, kind: 'text', initial: '' });
    } else if (el.mainProperty === 'text') {
      add({ ...base, key: name, label: name, kind: 'text', initial: typeof el.value === 'string' ? el.value : '' });
    } else if (el.mainProperty === 'source') {
      add({ ...base, key: name, label: `${name} (${el.type} URL)`, kind: 'url', initial: typeof el.value === 'string' ? el.value : '' });
    }
    if (el.properties.includes('fill_color')) add({ ...base, key: `${name}.fill_color`, label: `${name} colour`, kind: 'color', initial: '' });
  }
  // Dynamic fields first within each group, and groups with dynamic fields first.
  const groupRank = (g: string) => (fields.some((f) => f.group === g && f.dynamic) ? 0 : 1);
  return fields.sort((a, b) => groupRank(a.group) - groupRank(b.group) || Number(b.dynamic) - Number(a.dynamic));
}

function Gallery({ onPick }: { onPick: (t: Template) => void }) {
  const [templates, setTemplates] = useState<Template[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<Template[]>('/api/templates').then(setTemplates).catch((e: unknown) => setError(messageOf(e)));
  }, []);
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!templates) return <p>Loading templates…</p>;
  return (
    <ul className="gallery" aria-label="Templates">
      {templates.map((t) => (
        <li key={t.id}>
          <button type="button" className="card" onClick={() => onPick(t)}>
            <strong>{t.name}</strong>
            <span>{t.width && t.height ? `${t.width} × ${t.height}` : 'size set per render'}{t.duration ? `, ${t.duration} s` : ''}</span>
            <span className="tags">{(t.tags ?? []).map((tag) => `#${tag}`).join(' ')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function FieldInput({ field, value, problem, onChange }: { field: Field; value: string; problem: string | undefined; onChange: (v: string) => void }) {
  const id = inputId(field.key);
  const input = (
    <input
      id={id}
      name={field.key}
      type={field.kind === 'url' ? 'url' : 'text'}
      value={value}
      placeholder={field.kind === 'color' ? 'e.g. #d0021b; empty keeps the template’s colour' : field.initial === '' ? 'empty keeps the template’s text' : undefined}
      aria-invalid={problem ? true : undefined}
      aria-describedby={problem ? `${id}-problem` : undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  return (
    <div className="field">
      <label htmlFor={id}>
        {field.label}
        {field.dynamic && <span className="hint"> (dynamic)</span>}
      </label>
      {field.kind === 'color' ? (
        <div className="color-row">
          {input}
          <input type="color" aria-label={`Pick ${field.label}`} value={/^#[0-9a-f]{6}$/i.test(value) ? value : '#000000'} onChange={(e) => onChange(e.target.value)} />
        </div>
      ) : (
        input
      )}
      {problem && (
        <span id={`${id}-problem`} className="problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

/** The live status of the render, then its output. */
function RenderResult({ entry, name }: { entry: HistoryEntry; name: string }) {
  return (
    <div className="result" aria-live="polite">
      <p>
        Status: <StatusBadge status={entry.render.status} /> <span className="hint">(from {entry.updated_by})</span>
      </p>
      {entry.render.status === 'failed' && <p className="error">The render failed: {entry.render.error_message ?? 'no reason given'}</p>}
      <Output render={entry.render} label={`Rendered ${name}`} />
    </div>
  );
}

/** The fields, one fieldset per composition. */
function FieldGroups(props: { fields: Field[]; values: Record<string, string>; problemOf: (key: string) => string | undefined; onChange: (key: string, value: string) => void }) {
  const { fields, values, problemOf, onChange } = props;
  const groups = [...new Set(fields.map((f) => f.group))];
  return groups.map((g) => (
    <fieldset key={g}>
      <legend>{g}</legend>
      {fields
        .filter((f) => f.group === g)
        .map((f) => (
          <FieldInput key={f.key} field={f} value={values[f.key] ?? f.initial} problem={problemOf(f.key)} onChange={(v) => onChange(f.key, v)} />
        ))}
    </fieldset>
  ));
}

function RenderForm({ template, history, onBack }: { template: Template; history: HistoryEntry[]; onBack: () => void }) {
  const [form, setForm] = useState<TemplateForm>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<ModificationProblem[]>([]);
  const [error, setError] = useState<string>();
  const [key, setKey] = useState<string>();
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    api<TemplateForm>(`/api/templates/${template.id}`).then(setForm).catch((e: unknown) => setError(messageOf(e)));
  }, [template.id]);
  const fields = useMemo(() => (form ? fieldsOf(form.elements) : []), [form]);

  /** Only what the person changed: everything else keeps the template's content. */
  const modifications = useMemo(() => {
    const out: Record<string, string> = {};
    for (const f of fields) {
      const v = values[f.key];
      if (v !== undefined && v !== f.initial) out[f.key] = v;
    }
    return out;
  }, [fields, values]);

  // Live checking while typing, with the same check the server runs before submitting.
  useEffect(() => {
    const timer = setTimeout(() => {
      api<{ problems: ModificationProblem[] }>(`/api/templates/${template.id}/check`, { modifications })
        .then((r) => setProblems(r.problems))
        .catch((e: unknown) => setError(messageOf(e)));
    }, 200);
    return () => clearTimeout(timer);
  }, [template.id, modifications]);

  const problemOf = (k: string) => problems.find((p) => p.key === k)?.message;
  const entry = history.find((e) => e.key === key);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    if (problems.length > 0) {
      formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      setError('Fix the fields marked in red first: nothing was submitted.');
      return;
    }
    setBusy(true);
    try {
      const created = await api<HistoryEntry>('/api/renders', { template_id: template.id, modifications });
      setKey(created.key);
    } catch (err) {
      if (err instanceof ApiFailure && err.problems.length) setProblems(err.problems.map((p) => ({ key: p.key, code: 'invalid_value', message: p.message })));
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="form-title">
      <button type="button" className="link" onClick={onBack}>
        ← All templates
      </button>
      <h2 id="form-title" tabIndex={-1} ref={heading}>
        {template.name}
      </h2>
      {!form && !error && <p>Loading the template…</p>}
      {form && (
        <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
          <FieldGroups fields={fields} values={values} problemOf={problemOf} onChange={(k, v) => setValues((st) => ({ ...st, [k]: v }))} />
          {problems.filter((p) => !fields.some((f) => f.key === p.key)).map((p) => (
            <p key={p.key} className="problem" role="alert">{p.message}</p>
          ))}
          <button type="submit" disabled={busy}>
            {busy ? 'Submitting…' : 'Render'}
          </button>
        </form>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      {entry && <RenderResult entry={entry} name={template.name} />}
    </section>
  );
}

export function CreatomateFlow({ history }: { history: HistoryEntry[] }) {
  const [template, setTemplate] = useState<Template>();
  return template ? <RenderForm template={template} history={history} onBack={() => setTemplate(undefined)} /> : (
    <section aria-labelledby="gallery-title">
      <h2 id="gallery-title">Pick a template</h2>
      <Gallery onPick={setTemplate} />
    </section>
  );
}
