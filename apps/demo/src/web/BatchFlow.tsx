import { useEffect, useState, type FormEvent } from 'react';
import type { BatchView, Template } from '../shared/api.js';
import { api, messageOf } from './api.js';
import { StatusBadge } from './Output.js';

const EXAMPLE = 'quote,author\nShip it.,Ada\nKeep it simple.,Grace';

function Summary({ batch }: { batch: BatchView }) {
  const s = batch.summary;
  if (batch.error) return <p role="alert" className="error">The batch stopped: {batch.error}</p>;
  if (!s) {
    const done = batch.items.filter((i) => i.status !== 'pending').length;
    return <p aria-live="polite">{done} of {batch.items.length} finished…</p>;
  }
  const parts = [`${s.succeeded} succeeded`, `${s.failed} failed`];
  if (s.rejected) parts.push(`${s.rejected} rejected`);
  if (s.unknown) parts.push(`${s.unknown} unknown`);
  if (s.skipped) parts.push(`${s.skipped} skipped`);
  if (s.error) parts.push(`${s.error} stopped`);
  return <p className="summary" role="status">Done: {parts.join(', ')} (of {s.total}).</p>;
}

/** Per-item progress and, at the end, the summary with every failure's reason. */
function BatchResults({ batch }: { batch: BatchView }) {
  return (
    <div className="batch">
      <Summary batch={batch} />
      <table>
        <caption className="visually-hidden">Batch items</caption>
        <thead>
          <tr><th scope="col">Item</th><th scope="col">Status</th><th scope="col">Result</th></tr>
        </thead>
        <tbody>
          {batch.items.map((item) => (
            <tr key={item.index} data-status={item.status}>
              <td>{item.label}</td>
              <td><StatusBadge status={item.status === 'pending' ? (item.render?.status ?? 'pending') : item.status} /></td>
              <td>
                {item.reason && <span className="reason">{item.reason}</span>}
                {item.status === 'succeeded' && item.render?.url && <a href={item.render.url}>Open {item.render.output_format?.toUpperCase()}</a>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function BatchFlow({ batches }: { batches: Record<string, BatchView> }) {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [source, setSource] = useState<'csv' | 'tag'>('csv');
  const [templateId, setTemplateId] = useState('');
  const [tag, setTag] = useState('');
  const [csv, setCsv] = useState(EXAMPLE);
  const [started, setStarted] = useState<BatchView>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    api<Template[]>('/api/templates')
      .then((list) => {
        setTemplates(list);
        setTemplateId((id) => id || (list.find((t) => t.name === 'Quote Square') ?? list[0])?.id || '');
        setTag((t) => t || list[0]?.tags?.[0] || '');
      })
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);
  const tags = [...new Set(templates.flatMap((t) => t.tags ?? []))].sort();
  const batch = started && (batches[started.id] ?? started);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      setStarted(await api<BatchView>('/api/batches', source === 'tag' ? { tag } : { csv, template_id: templateId }));
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <section aria-labelledby="batch-title">
      <h2 id="batch-title">Batch</h2>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>Render from</legend>
          <label>
            <input type="radio" name="source" value="csv" checked={source === 'csv'} onChange={() => setSource('csv')} /> CSV rows
          </label>
          <label>
            <input type="radio" name="source" value="tag" checked={source === 'tag'} onChange={() => setSource('tag')} /> Every template with a tag
          </label>
        </fieldset>
        {source === 'csv' ? (
          <>
            <div className="field">
              <label htmlFor="batch-template">Template</label>
              <select id="batch-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
                {templates.map((t) => (
                  <option key={t.id} value={t.id}>{t.name}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="batch-csv">CSV rows: the first line names the fields; a template_id column picks another template per row</label>
              <textarea id="batch-csv" rows={7} value={csv} onChange={(e) => setCsv(e.target.value)} spellCheck={false} />
            </div>
          </>
        ) : (
          <div className="field">
            <label htmlFor="batch-tag">Tag</label>
            <select id="batch-tag" value={tag} onChange={(e) => setTag(e.target.value)}>
              {tags.map((t) => (
                <option key={t} value={t}>{t}</option>
              ))}
            </select>
          </div>
        )}
        <button type="submit">Render all</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {batch && <BatchResults batch={batch} />}
    </section>
  );
}
