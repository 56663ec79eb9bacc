import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CreditEstimates, CustomTemplate, CustomTemplateDetail, JobView, ModelVersion, VariableProblem } from '../shared/api.js';
import { api, messageOf } from './api.js';
import { StatusBadge } from './Output.js';

const MODELS: ModelVersion[] = ['standard', 'aurora_v1', 'aurora_v1_fast'];
/** What to type for each variable kind (the server turns the text into the variable). */
const KIND_INPUT: Record<string, { type: 'text' | 'url'; hint: string }> = {
  text: { type: 'text', hint: 'text' },
  image: { type: 'url', hint: 'image URL' },
  video: { type: 'url', hint: 'video URL' },
  audio: { type: 'url', hint: 'audio URL' },
  avatar: { type: 'text', hint: 'avatar id' },
  voiceover: { type: 'text', hint: 'voice id' },
};

function TemplateList({ onPick }: { onPick: (t: CustomTemplate) => void }) {
  const [templates, setTemplates] = useState<CustomTemplate[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<CustomTemplate[]>('/api/creatify/templates').then(setTemplates).catch((e: unknown) => setError(messageOf(e)));
  }, []);
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!templates) return <p>Loading Creatify templates…</p>;
  return (
    <ul className="gallery" aria-label="Creatify templates">
      {templates.map((t) => (
        <li key={t.template_id}>
          <button type="button" className="card" onClick={() => onPick(t)}>
            <strong>{t.name}</strong>
            <span>aspect {t.aspect_ratio}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** One typed input per variable the template defines, required ones marked. */
function VariableFields(props: {
  variables: CustomTemplateDetail['variables'];
  values: Record<string, string>;
  problemOf: (name: string) => string | undefined;
  onChange: (name: string, value: string) => void;
  onBlur: (name: string) => void;
}) {
  const { variables, values, problemOf, onChange, onBlur } = props;
  return (
    <fieldset>
      <legend>Variables</legend>
      {Object.entries(variables).map(([name, def]) => {
        const input = KIND_INPUT[def.type] ?? { type: 'text' as const, hint: def.type };
        const id = `var-${name}`;
        const problem = problemOf(name);
        return (
          <div className="field" key={name}>
            <label htmlFor={id}>
              {name} <span className="hint">({input.hint}{def.required ? ', required' : ''})</span>
            </label>
            <input
              id={id}
              type={input.type}
              required={def.required === true}
              aria-required={def.required === true}
              placeholder={def.default ?? undefined}
              value={values[name] ?? ''}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(e) => onChange(name, e.target.value)}
              onBlur={() => onBlur(name)}
            />
            {problem && <span id={`${id}-problem`} className="problem" role="alert">{problem}</span>}
          </div>
        );
      })}
    </fieldset>
  );
}

/** The model and length the estimate assumes, and the estimate itself. */
function CreditFields(props: { model: ModelVersion; setModel: (m: ModelVersion) => void; seconds: string; setSeconds: (s: string) => void; estimate: CreditEstimates | undefined }) {
  const { model, setModel, seconds, setSeconds, estimate } = props;
  return (
    <fieldset>
      <legend>Credits</legend>
      <div className="field">
        <label htmlFor="model">Model</label>
        <select id="model" value={model} onChange={(e) => setModel(e.target.value as ModelVersion)}>
          {MODELS.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="seconds">At least this long (seconds), e.g. the template’s fixed intro and outro</label>
        <input id="seconds" type="number" min="0" value={seconds} onChange={(e) => setSeconds(e.target.value)} />
      </div>
      {estimate && (
        <p className="estimate" aria-live="polite">
          Estimate: preview {estimate.preview.credits} credit{estimate.preview.credits === 1 ? '' : 's'}, then render {estimate.render.credits} (rendering directly: {estimate.create.credits}).
          <br />
          <span className="hint">Assumed: {estimate.create.assumption.text}.</span>
        </p>
      )}
    </fieldset>
  );
}

/** The job as last seen: the preview with its approve button, then the rendered video. */
function JobResult({ view, estimate, onApprove }: { view: JobView; estimate: CreditEstimates | undefined; onApprove: () => void }) {
  const { job } = view;
  const previewDone = view.stage === 'preview' && job.status === 'done';
  return (
          <div className="result" aria-live="polite">
        <p>
          {view.stage === 'preview' ? 'Preview' : 'Render'}: <StatusBadge status={job.status} /> <span className="hint">(from {view.updated_by})</span>
        </p>
        {(job.status === 'failed' || job.status === 'rejected') && <p className="error">Creatify says: {job.failed_reason ?? 'no reason given'}</p>}
        {previewDone && job.preview && (
          <>
            <video src={job.preview} controls muted aria-label="Preview video" className="output-video" />
            <p>
              <button type="button" onClick={onApprove}>
                Approve and render{estimate ? ` (≈ ${estimate.render.credits} credits)` : ''}
              </button>
            </p>
          </>
        )}
        {view.stage === 'render' && job.status === 'done' && job.video_output && (
          <figure className="output">
            <video src={job.video_output} controls muted aria-label="Rendered video" className="output-video" />
            <figcaption>
              <a href={job.video_output} download>Download MP4</a> — {job.credits_used} credits used
            </figcaption>
          </figure>
        )}
      </div>
  );
}

/** The credit estimate for the job as the form holds it, refreshed as it changes. */
function useEstimate(templateId: string, values: Record<string, string>, model: ModelVersion, seconds: string, setError: (e: string) => void): CreditEstimates | undefined {
  const [estimate, setEstimate] = useState<CreditEstimates>();
  useEffect(() => {
    const timer = setTimeout(() => {
      api<CreditEstimates>('/api/creatify/estimate', { template_id: templateId, values, model_version: model, minimumSeconds: Number(seconds) })
        .then(setEstimate)
        .catch((e: unknown) => {
          setEstimate(undefined);
          setError(messageOf(e));
        });
    }, 200);
    return () => clearTimeout(timer);
  }, [templateId, values, model, seconds]);
  return estimate;
}

function JobForm({ picked, jobs, onBack }: { picked: CustomTemplate; jobs: Record<string, JobView>; onBack: () => void }) {
  const [detail, setDetail] = useState<CustomTemplateDetail>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [problems, setProblems] = useState<VariableProblem[]>([]);
  const [model, setModel] = useState<ModelVersion>('standard');
  const [seconds, setSeconds] = useState('0');
  const [jobId, setJobId] = useState<string>();
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    api<CustomTemplateDetail>(`/api/creatify/templates/${picked.template_id}`).then(setDetail).catch((e: unknown) => setError(messageOf(e)));
  }, [picked.template_id]);

  useEffect(() => {
    const timer = setTimeout(() => {
      api<{ problems: VariableProblem[] }>('/api/creatify/check', { template_id: picked.template_id, values })
        .then((r) => setProblems(r.problems))
        .catch((e: unknown) => setError(messageOf(e)));
    }, 200);
    return () => clearTimeout(timer);
  }, [picked.template_id, values]);

  const estimate = useEstimate(picked.template_id, values, model, seconds, setError);

  const view = jobId ? jobs[jobId] : undefined;
  const job = view?.job;

  async function preview(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setTouched(Object.fromEntries(Object.keys(detail?.variables ?? {}).map((k) => [k, true])));
    if (problems.length > 0) {
      setError('Fix the fields marked in red first: nothing was sent or billed.');
      return;
    }
    try {
      const created = await api<JobView>('/api/creatify/previews', { template_id: picked.template_id, values, model_version: model });
      setJobId(created.job.id);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  async function approve() {
    setError(undefined);
    try {
      await api<JobView>(`/api/creatify/jobs/${jobId}/render`, {});
    } catch (err) {
      setError(messageOf(err));
    }
  }

  const problemOf = (name: string) => (touched[name] ? problems.find((p) => p.name === name)?.message : undefined);
  const previewDone = view?.stage === 'preview' && job?.status === 'done';
  return (
    <section aria-labelledby="creatify-form-title">
      <button type="button" className="link" onClick={onBack}>
        ← All Creatify templates
      </button>
      <h2 id="creatify-form-title" tabIndex={-1} ref={heading}>{picked.name}</h2>
      {detail && (
        <form onSubmit={(e) => void preview(e)} noValidate>
          <VariableFields variables={detail.variables} values={values} problemOf={problemOf} onChange={(name, v) => setValues((all) => ({ ...all, [name]: v }))} onBlur={(name) => setTouched((t) => ({ ...t, [name]: true }))} />
          <CreditFields model={model} setModel={setModel} seconds={seconds} setSeconds={setSeconds} estimate={estimate} />
          <button type="submit" disabled={!!job && !previewDone && view?.stage === 'preview' && job.status !== 'failed' && job.status !== 'rejected'}>
            Preview
          </button>
        </form>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      {view && job && <JobResult view={view} estimate={estimate} onApprove={() => void approve()} />}
    </section>
  );
}

export function CreatifyFlow({ jobs }: { jobs: Record<string, JobView> }) {
  const [picked, setPicked] = useState<CustomTemplate>();
  return picked ? <JobForm picked={picked} jobs={jobs} onBack={() => setPicked(undefined)} /> : (
    <section aria-labelledby="creatify-title">
      <h2 id="creatify-title">Creatify: pick a template</h2>
      <TemplateList onPick={setPicked} />
    </section>
  );
}
