// `reelkit renders batch`: one render per row of a CSV or JSONL file, through @reelkit/renders'
// batch with a FileLedger. Every row is checked before the first request; the batch id and the row
// keys are derived from the data, so re-running the same command resumes the same batch: rows the
// ledger has as submitted are not sent again, uncertain ones are reconciled by metadata first.
import { createRenders, type BatchOptions, type BatchResult, type BatchSummary, type CreateFromTemplate, type Render } from '@reelkit/renders';
import { validateModifications } from '@reelkit/templates';
import { parse } from 'csv-parse/sync';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { extname } from 'node:path';
import { parseAssignments, uuid } from '../args.js';
import type { Context } from '../context.js';
import { ExitWith, UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { FileLedger } from '../ledger.js';
import { saveRender } from './renders.js';

export interface BatchCommandOptions {
  template: string;
  data: string;
  map?: string[];
  concurrency: number;
  ledger?: string;
  wait?: boolean;
  download?: string;
}

type Row = Record<string, unknown>;
interface RowProblem {
  row: number;
  column?: string;
  key?: string;
  message: string;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : JSON.stringify(e));
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Rows of a CSV (header line = column names) or JSONL file (one object per line). Row 1 is the first data row. */
export function readRows(file: string): Row[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--data ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (extname(file).toLowerCase() === '.jsonl' || extname(file).toLowerCase() === '.ndjson') {
    const rows: Row[] = [];
    const problems: RowProblem[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const value = JSON.parse(line) as unknown;
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
        rows.push(value as Row);
      } catch (error) {
        problems.push({ row: rows.length + problems.length + 1, message: `not a JSON object (${(error as Error).message})` });
      }
    }
    if (problems.length) throw rowsError(file, problems);
    return rows;
  }
  try {
    return parse<Row>(text, { columns: true, skip_empty_lines: true, bom: true, trim: false });
  } catch (error) {
    throw new UsageError(`--data ${file}: not valid CSV (${(error as Error).message})`);
  }
}

function rowsError(file: string, problems: RowProblem[]): UsageError {
  const lines = problems.map((p) => `  row ${p.row}${p.column ? `, column ${p.column}` : ''}${p.key && p.key !== p.column ? ` (${p.key})` : ''}: ${p.message}`);
  return new UsageError(`${problems.length} problem(s) in ${file}; nothing was sent:\n${lines.join('\n')}`, problems.map((p) => ({ path: `row ${p.row}${p.column ? `.${p.column}` : ''}`, message: p.message })));
}

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** The modification keys → templates from --map ('Headline={{name}}'); without --map, every column is a key. */
function mapping(map: string[] | undefined, rows: Row[]): Record<string, string> {
  if (map?.length) return parseAssignments('--map', map);
  const columns = new Set(rows.flatMap((r) => Object.keys(r)));
  return Object.fromEntries([...columns].map((c) => [c, `{{${c}}}`]));
}

/** A row's modifications; a `{{column}}` the row lacks is a problem naming the row and column. */
function modificationsOf(row: Row, index: number, map: Record<string, string>, problems: RowProblem[]): Record<string, unknown> {
  const mods: Record<string, unknown> = {};
  for (const [key, template] of Object.entries(map)) {
    const whole = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(template);
    // A whole-cell placeholder keeps the value's JSON type (numbers, booleans from JSONL).
    if (whole) {
      const column = whole[1]!;
      if (!(column in row)) problems.push({ row: index + 1, column, key, message: `no column "${column}" in this row` });
      else mods[key] = row[column];
      continue;
    }
    mods[key] = template.replace(PLACEHOLDER, (_m, column: string) => {
      if (!(column in row)) problems.push({ row: index + 1, column, key, message: `no column "${column}" in this row` });
      const v = row[column];
      return v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    });
  }
  return mods;
}

/** The column a modification key reads (for messages), when it reads exactly one. */
function columnOf(map: Record<string, string>, key: string): string | undefined {
  const cols = [...(map[key] ?? '').matchAll(PLACEHOLDER)].map((m) => m[1]!);
  return cols.length === 1 ? cols[0] : undefined;
}


export async function batch(ctx: Context, opts: BatchCommandOptions): Promise<void> {
  const template_id = uuid('--template', opts.template);
  if (opts.download && !opts.wait) throw new UsageError('--download needs --wait');
  const rows = readRows(opts.data);
  if (rows.length === 0) throw new UsageError(`--data ${opts.data}: no rows`);
  const map = mapping(opts.map, rows);

  // Every row checked before the first paid request: all problems at once, with row numbers.
  const renders = createRenders(ctx.creatomate());
  const template = await renders.templates.get(template_id, { signal: ctx.signal });
  const problems: RowProblem[] = [];
  const items: CreateFromTemplate[] = rows.map((row, i) => {
    const modifications = modificationsOf(row, i, map, problems);
    if (template.source) {
      for (const p of validateModifications(template.source, modifications)) {
        problems.push({ row: i + 1, column: columnOf(map, p.key), key: p.key, message: p.message });
      }
    }
    return { template_id, modifications };
  });
  if (problems.length) throw rowsError(opts.data, problems);

  // Stable across re-runs of the same file: the batch from template + file, each key from row number + content.
  const batchId = sha(`${template_id}\n${realpathSync(opts.data)}`).slice(0, 16);
  const keys = items.map((item, i) => `${i + 1}-${sha(JSON.stringify(item.modifications)).slice(0, 8)}`);
  const ledgerPath = opts.ledger ?? `${opts.data}.reelkit-ledger.jsonl`;
  const ledger = new FileLedger(ledgerPath, { redact: (s) => ctx.out.redact(s) });

  const results: BatchResult<CreateFromTemplate>[] = [];
  let summary: BatchSummary | undefined;
  const progress = await batchProgress(ctx, items.length);
  try {
    const options: BatchOptions<CreateFromTemplate> = {
      ledger,
      batchId,
      itemKey: (_item, index) => keys[index]!,
      owner: randomUUID(),
      concurrency: opts.concurrency,
      wait: opts.wait === true,
      // Checked above, every row before the first request.
      checkModifications: false,
      signal: ctx.signal,
    };
    const run = renders.batch(items, options);
    for (;;) {
      const next = await run.next();
      if (next.done) {
        summary = next.value;
        break;
      }
      results.push(next.value);
      progress.row(next.value, results.length);
    }
  } finally {
    progress.stop();
    await ledger.close();
  }

  const files = opts.download ? await Promise.all(results.flatMap((r) => ('renders' in r ? r.renders : [])).filter((r: Render) => r.status === 'succeeded').map((r) => saveRender(r, opts.download!, ctx.signal))) : [];
  // The summary counts the results reported; an interrupted run reports fewer rows than the file has.
  const counts = { ...summary, rows: items.length };
  const report = {
    batchId,
    ledger: ledgerPath,
    summary: counts,
    rows: results
      .sort((a, b) => a.index - b.index)
      .map((r) => ({
        row: r.index + 1,
        key: r.key,
        status: r.status,
        render_ids: renderIdsOf(r),
        ...('error' in r && r.error !== undefined ? { error: ctx.out.redact(messageOf(r.error)) } : {}),
        ...(files.length ? { files: files.filter((f) => 'renders' in r && r.renders.some((x) => x.id === f.id)).map((f) => f.path) } : {}),
      })),
  };
  ctx.out.data(report);
  printSummary(ctx, report);
  if (ctx.signal.aborted) throw new ExitWith(EXIT.interrupted, `Stopped. Submitted renders keep running remotely; run the same command again to resume (ledger ${ledgerPath}).`);
  if (counts.unknown > 0) throw new ExitWith(EXIT.unknownOutcome, `${counts.unknown} row(s) may have been submitted and were not found yet; run the same command again later to reconcile them.`);
  if (counts.failed + counts.rejected + counts.error > 0) throw new ExitWith(EXIT.remoteFailure, `${counts.failed + counts.rejected + counts.error} row(s) did not succeed.`);
}

/** A row's render ids: a ledger-reported `submitted` row carries them without the renders themselves. */
function renderIdsOf(r: BatchResult<CreateFromTemplate>): string[] {
  if (r.status === 'submitted') return r.render_ids;
  return 'renders' in r ? r.renders.map((x) => x.id) : [];
}

function printSummary(ctx: Context, report: { summary: BatchSummary & { rows: number }; rows: { row: number; status: string; render_ids: string[]; error?: string }[]; ledger: string }): void {
  const s = report.summary;
  const rowsWith = (status: string) => report.rows.filter((r) => r.status === status).map((r) => r.row);
  const parts = (['succeeded', 'submitted', 'failed', 'rejected', 'unknown', 'skipped', 'error'] as const).filter((k) => k === 'succeeded' || s[k] > 0).map((k) => `${s[k]} ${k}`);
  ctx.out.line(`${ctx.out.bold('batch')}: ${parts.join(', ')} of ${s.rows} rows (ledger ${report.ledger})`);
  const notOk = report.rows.filter((r) => r.status !== 'succeeded' && r.status !== 'submitted');
  if (notOk.length) ctx.out.table(['row', 'status', 'renders', 'why'], notOk.map((r) => [r.row, r.status, r.render_ids.join(' '), r.error ?? '']));
  for (const status of ['failed', 'rejected', 'unknown'] as const) if (s[status] > 0) ctx.out.line(`  ${status}: rows ${rowsWith(status).join(', ')}`);
}

interface BatchProgress {
  row(r: BatchResult<CreateFromTemplate>, done: number): void;
  stop(): void;
}

const rowText = (r: BatchResult<CreateFromTemplate>): string => {
  const ids = renderIdsOf(r).join(' ');
  return `row ${r.index + 1}: ${r.status}${ids ? ` ${ids}` : ''}`;
};

/** A cli-progress bar on a terminal (stderr); one status line per finished row otherwise; nothing with --json. */
async function batchProgress(ctx: Context, total: number): Promise<BatchProgress> {
  if (ctx.out.json) return { row: () => undefined, stop: () => undefined };
  if (!ctx.out.tty) return { row: (r, done) => ctx.out.note(`[${done}/${total}] ${rowText(r)}`), stop: () => undefined };
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({ format: 'rows {bar} {value}/{total} | {last}', stream: process.stderr, hideCursor: true, clearOnComplete: false });
  bar.start(total, 0, { last: 'submitting…' });
  return { row: (r, done) => bar.update(done, { last: rowText(r) }), stop: () => bar.stop() };
}
