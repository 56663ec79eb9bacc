import type { HistoryEntry } from '../shared/api.js';
import { StatusBadge } from './Output.js';

/** Every render this server started (kept by the server, so it survives a reload). */
export function History({ history }: { history: HistoryEntry[] }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {history.length === 0 ? (
        <p>No renders yet. Pick a template and render it.</p>
      ) : (
        <ul className="history">
          {history.map(({ key, render, created_at }) => (
            <li key={key}>
              <StatusBadge status={render.status} /> <strong>{render.template_name ?? 'Render'}</strong>{' '}
              <time dateTime={created_at}>{new Date(created_at).toLocaleTimeString()}</time>
              {render.status === 'succeeded' && render.url && (
                <>
                  {' '}
                  <a href={render.url}>Open {render.output_format?.toUpperCase()}</a>
                </>
              )}
              {render.status === 'failed' && <span className="reason"> {render.error_message}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
