import { useCallback, useEffect, useState } from 'react';
import type { BatchView, DemoEvent, Health, HistoryEntry, JobView } from '../shared/api.js';
import { api, messageOf, useEvents } from './api.js';
import { BatchFlow } from './BatchFlow.js';
import { CreatifyFlow } from './CreatifyFlow.js';
import { CreatomateFlow } from './CreatomateFlow.js';
import { History } from './History.js';

const TABS = [
  { id: 'creatomate', label: 'Templates' },
  { id: 'batch', label: 'Batch' },
  { id: 'creatify', label: 'Creatify' },
  { id: 'history', label: 'History' },
] as const;
type Tab = (typeof TABS)[number]['id'];

const tabFromHash = (): Tab => TABS.find((t) => `#${t.id}` === window.location.hash)?.id ?? 'creatomate';

function upsert(history: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const rest = history.filter((e) => e.key !== entry.key);
  return history.length === rest.length ? [entry, ...rest] : history.map((e) => (e.key === entry.key ? entry : e));
}

export function App() {
  const [tab, setTab] = useState<Tab>(tabFromHash);
  const [health, setHealth] = useState<Health>();
  const [down, setDown] = useState<string>();
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [batches, setBatches] = useState<Record<string, BatchView>>({});
  const [jobs, setJobs] = useState<Record<string, JobView>>({});

  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const load = useCallback(() => {
    api<Health>('/api/health').then(setHealth).catch((e: unknown) => setDown(messageOf(e)));
    api<HistoryEntry[]>('/api/renders').then(setHistory).catch((e: unknown) => setDown(messageOf(e)));
  }, []);
  useEffect(load, [load]);

  const onEvent = useCallback((event: DemoEvent) => {
    if (event.type === 'render') setHistory((h) => upsert(h, event.entry));
    else if (event.type === 'batch') setBatches((b) => ({ ...b, [event.batch.id]: event.batch }));
    else setJobs((j) => ({ ...j, [event.view.job.id]: event.view }));
  }, []);
  const onConnection = useCallback(
    (up: boolean) => {
      if (up) {
        setDown((was) => {
          if (was) load(); // catch up on what happened while the stream was down
          return undefined;
        });
      } else setDown('Lost the connection to the demo server. Check that `pnpm demo` is still running; the page reconnects by itself.');
    },
    [load],
  );
  useEvents(onEvent, onConnection);

  return (
    <>
      <header>
        <h1>reelkit demo</h1>
        {health && (
          <p className="mode">
            {health.mode === 'emulator' ? 'Running against the embedded emulator: no keys, no credits.' : 'Running against the real services: renders cost credits.'}
          </p>
        )}
        <nav aria-label="Sections">
          {TABS.map((t) => (
            <a key={t.id} href={`#${t.id}`} aria-current={tab === t.id ? 'page' : undefined}>
              {t.label}
            </a>
          ))}
        </nav>
      </header>
      {down && (
        <div role="alert" className="banner">
          {down}
        </div>
      )}
      <main>
        {tab === 'creatomate' && <CreatomateFlow history={history} />}
        {tab === 'batch' && <BatchFlow batches={batches} />}
        {tab === 'creatify' && <CreatifyFlow jobs={jobs} />}
        {tab === 'history' && <History history={history} />}
      </main>
    </>
  );
}
