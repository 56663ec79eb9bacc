// Batches from a tag (one render per tagged template) or from pasted CSV rows (one render per row,
// columns = modification keys, an optional `template_id` column per row). The batch itself —
// pacing, never submitting twice, waiting — is `renders.batch`; this only reports its progress.
import { randomUUID } from 'node:crypto';
import type { BatchProgress, BatchResult, CreateRenderParams, Renders } from '@reelkit/renders';
import type { Templates } from '@reelkit/templates';
import { CsvError, parse } from 'csv-parse/sync';
import type { BatchView } from '../shared/api.js';
import type { DemoContext } from './context.js';
import { DemoRequestError, errorAnswer } from './errors.js';

interface Item {
  label: string;
  params: CreateRenderParams;
}

const MAX_ITEMS = 200;

function rowsOf(csv: string): Record<string, string>[] {
  try {
    return parse<Record<string, string>>(csv, { columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    if (error instanceof CsvError) throw new DemoRequestError(`The CSV cannot be read: ${error.message}`, 'The first line names the fields; each further line is one render.');
    throw error;
  }
}

/** One item per CSV row: empty cells are left out, so the template's own content stays. */
export function itemsFromCsv(csv: string, templateId: string | undefined): Item[] {
  return rowsOf(csv).map((row, i) => {
    const { template_id: own, ...cells } = row;
    const template_id = own || templateId; // an empty cell means the picked template
    if (!template_id) throw new DemoRequestError(`Row ${i + 1} names no template.`, 'Pick a template, or add a template_id column.');
    const modifications = Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== ''));
    const first = Object.values(modifications)[0];
    return { label: `Row ${i + 1}${first ? `: ${first}` : ''}`, params: { template_id, modifications } };
  });
}

async function itemsFromTag(templates: Templates, tag: string): Promise<Item[]> {
  const tagged = await templates.list({ tags: tag });
  if (tagged.length === 0) throw new DemoRequestError(`No template has the tag "${tag}".`, 'Pick one of the tags shown in the gallery.');
  return tagged.map((t) => ({ label: t.name, params: { template_id: t.id } }));
}

/** What to tell a person about a result that did not succeed. */
function reasonOf(result: BatchResult): string | null {
  switch (result.status) {
    case 'succeeded':
    case 'submitted':
      return null;
    case 'failed':
      return result.error.reason ?? 'Creatomate reports the render failed without a reason.';
    case 'rejected':
      return `Nothing was created: ${errorAnswer(result.error, 'Creatomate').body.error.message}`;
    case 'unknown':
      return `The answer to the submission was lost; it may exist. Look for ${result.metadata ?? 'it'} before resending.`;
    case 'skipped':
      return 'Another run holds this item; it was left alone.';
    case 'error':
      return result.sent
        ? `Submitted, but waiting stopped: ${errorAnswer(result.error, 'Creatomate').body.error.message}`
        : `Not sent: ${errorAnswer(result.error, 'Creatomate').body.error.message} Running the batch again sends it.`;
  }
}

function report(ctx: DemoContext, view: BatchView, progress: BatchProgress<CreateRenderParams>): void {
  const item = view.items[progress.index];
  if (!item) return;
  const { result, render } = progress;
  if (result) {
    item.status = result.status;
    item.render = 'renders' in result ? (result.renders[0] ?? null) : null;
    item.reason = reasonOf(result);
    if (item.render) ctx.history.record(`${view.id}:${result.key}`, item.render, 'batch');
  } else if (render && item.render?.status !== render.status) {
    item.render = render;
  } else return;
  ctx.events.publish({ type: 'batch', batch: view });
}

async function run(ctx: DemoContext, renders: Renders, view: BatchView, items: Item[]): Promise<void> {
  try {
    const { summary } = await renders.runBatch(
      items.map((i) => i.params),
      { batchId: view.id, pollIntervalMs: 1000, signal: ctx.closing, onProgress: (p) => report(ctx, view, p) },
    );
    view.summary = summary;
  } catch (error) {
    ctx.log(`batch ${view.id} stopped: ${errorAnswer(error, 'Creatomate').body.error.message}`);
    view.error = errorAnswer(error, 'Creatomate').body.error.message;
  }
  ctx.events.publish({ type: 'batch', batch: view });
}

/** Starts a batch in the background; its progress goes out as `batch` events. */
export async function startBatch(ctx: DemoContext, renders: Renders, templates: Templates, body: Record<string, unknown>): Promise<BatchView> {
  const templateId = typeof body.template_id === 'string' && body.template_id !== '' ? body.template_id : undefined;
  let items: Item[];
  if (typeof body.tag === 'string' && body.tag !== '') items = await itemsFromTag(templates, body.tag);
  else if (typeof body.csv === 'string' && body.csv.trim() !== '') items = itemsFromCsv(body.csv, templateId);
  else throw new DemoRequestError('Nothing to render.', 'Pick a tag, or paste CSV rows (first line: the field names).');
  if (items.length === 0) throw new DemoRequestError('The CSV has a header but no rows.', 'Add one line per render under the header.');
  if (items.length > MAX_ITEMS) throw new DemoRequestError(`${items.length} rows is more than this demo runs at once (${MAX_ITEMS}).`, 'Split the CSV, or use the reelkit CLI for large batches.');
  const view: BatchView = {
    id: randomUUID(),
    items: items.map((item, index) => ({ index, label: item.label, status: 'pending', render: null, reason: null })),
    summary: null,
    error: null,
  };
  ctx.batches.set(view.id, view);
  void run(ctx, renders, view, items);
  return view;
}
