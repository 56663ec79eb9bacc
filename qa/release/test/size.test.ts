// The size budget (qa/release/package.json `sizeBudget`): what a browser app downloads up front for
// @reelkit/core + @reelkit/renders with response validation off — the entry and every chunk it imports
// statically, minified and gzipped, zod left out and reported on its own. Chunks reached only through a
// dynamic import() are not downloaded up front, so they are reported, not counted:
//   - core's response schemas: loaded when a client validates a response (never, with validation off);
//   - renders' modification check (validateModifications, RenderScript addressing, did-you-mean):
//     loaded by the first create that has modifications to check;
//   - renders' batch (submitters, sweeper, ledger rule and MemoryLedger, reconciliation, pacing):
//     loaded on the first next() of the first batch/runBatch (batch() checks its arguments first);
//   - renders' webhook confirmation (the body's Render parser, signed-URL verification): loaded by the
//     first confirmRenderWebhook call. The helpers themselves are the `@reelkit/renders/webhooks`
//     subpath and the ledger's values `@reelkit/renders/ledger`, so the root pins neither up front.
// esbuild splits by file: one static import of a file (a root re-export included) puts it up front, so
// the tests below name the files that must stay lazy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type OutputFile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const here = join(import.meta.dirname, '..');
const { sizeBudget } = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')) as { sizeBudget: { entry: string; gzipBytes: number } };

interface Measured {
  initial: number;
  lazy: number;
  /** Source files with code in the up-front chunks. */
  initialInputs: string[];
  /** Source files with code only in chunks loaded later. */
  lazyInputs: string[];
}

/** Bundles the entry for the browser with code splitting and sums gzip sizes of what loads up front. */
async function measure(external: string[]): Promise<Measured> {
  const outdir = join(here, '.size-out');
  const result = await build({
    entryPoints: [join(here, sizeBudget.entry)],
    absWorkingDir: here,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
    metafile: true,
    outdir,
    external,
    logLevel: 'silent',
  });
  const gz = new Map(result.outputFiles.map((f: OutputFile) => [f.path, gzipSync(f.contents, { level: 9 }).length]));
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  const abs = (p: string) => join(here, p);
  const entry = Object.keys(outputs).find((p) => outputs[p]!.entryPoint)!;
  const initial = new Set<string>();
  const visit = (p: string) => {
    if (initial.has(p)) return;
    initial.add(p);
    for (const i of outputs[p]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  let [up, later] = [0, 0];
  for (const p of Object.keys(outputs)) {
    if (!p.endsWith('.js')) continue;
    if (initial.has(p)) up += gz.get(abs(p)) ?? 0;
    else later += gz.get(abs(p)) ?? 0;
  }
  const withCode = (p: string) => Object.entries(outputs[p]!.inputs).flatMap(([input, { bytesInOutput }]) => (bytesInOutput > 0 ? [input] : []));
  const initialInputs = [...initial].flatMap(withCode);
  const lazyInputs = Object.keys(outputs).filter((p) => p.endsWith('.js') && !initial.has(p)).flatMap(withCode);
  return { initial: up, lazy: later, initialInputs, lazyInputs };
}

const kB = (n: number) => `${(n / 1000).toFixed(2)} kB`;

describe('size budget', { timeout: 60_000 }, () => {
  it('core + renders with response validation off stay within the gzip budget, zod counted separately', async () => {
    const without = await measure(['zod']);
    const withZod = await measure([]);
    console.log(
      `core+renders, validate.response off: ${kB(without.initial)} up front (budget ${kB(sizeBudget.gzipBytes)}), ` +
        `${kB(without.lazy)} lazy (response schemas, modification check, batch, webhook confirmation); zod adds ${kB(withZod.initial - without.initial)} up front`,
    );
    expect(without.initial).toBeGreaterThan(1000); // the measurement saw the packages
    expect(without.initial).toBeLessThanOrEqual(sizeBudget.gzipBytes);
  });

  // esbuild splits by file: one static import of the file that holds it puts it up front again.
  const lazyParts: Record<string, string[]> = {
    'the modification check (RenderScript addressing, did-you-mean)': [
      'core/dist/rules/modifications.js',
      'core/dist/rules/renderscript.js',
      'core/dist/rules/suggest.js',
      'renders/dist/check-modifications.js',
    ],
    'the batch (submitters, sweeper, reconciliation, pacing, the ledger)': [
      'renders/dist/batch/batch.js',
      'renders/dist/batch/submit.js',
      'renders/dist/batch/sweep.js',
      'renders/dist/batch/reconcile.js',
      'renders/dist/batch/queue.js',
      'renders/dist/batch/pace.js',
      'renders/dist/ledger.js',
    ],
    'webhook confirmation (body parser, signed-URL verification)': ['renders/dist/confirm-webhook.js', 'renders/dist/webhook.js', 'renders/dist/webhook-url.js'],
  };

  it.each(Object.entries(lazyParts))('loads %s lazily: bundled, but not up front', async (_name, files) => {
    const { initialInputs, lazyInputs } = await measure(['zod']);
    const endsWithAny = (list: string[], f: string) => list.some((p) => p.endsWith(f));
    expect(files.filter((f) => endsWithAny(initialInputs, f))).toEqual([]);
    // In a lazy chunk, so the check above saw them (a file missing from the bundle would also pass it).
    expect(files.filter((f) => !endsWithAny(lazyInputs, f))).toEqual([]);
  });

  it('keeps what every create and batch() call runs first up front and synchronous', async () => {
    const { initialInputs } = await measure(['zod']);
    for (const f of ['core/dist/rules/render-request.js', 'renders/dist/arguments.js', 'renders/dist/batch/start.js']) {
      expect(initialInputs.some((p) => p.endsWith(f)), f).toBe(true);
    }
  });
});
