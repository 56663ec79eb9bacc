// The size budget (qa/release/package.json `sizeBudget`): what a browser app downloads up front for
// @reelkit/core + @reelkit/renders with response validation off — the entry and every chunk it imports
// statically, minified and gzipped, zod left out and reported on its own. Chunks reached only through a
// dynamic import (core's response schemas, loaded when responses are validated; renders' modification
// check, loaded by the first create with modifications) are not downloaded up front, so they are
// reported, not counted.
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
  const initialInputs = [...initial].flatMap((p) => Object.keys(outputs[p]!.inputs));
  return { initial: up, lazy: later, initialInputs };
}

const kB = (n: number) => `${(n / 1000).toFixed(2)} kB`;

describe('size budget', { timeout: 60_000 }, () => {
  it('core + renders with response validation off stay within the gzip budget, zod counted separately', async () => {
    const without = await measure(['zod']);
    const withZod = await measure([]);
    console.log(
      `core+renders, validate.response off: ${kB(without.initial)} up front (budget ${kB(sizeBudget.gzipBytes)}), ` +
        `${kB(without.lazy)} lazy (response schemas, modification check); zod adds ${kB(withZod.initial - without.initial)} up front`,
    );
    expect(without.initial).toBeGreaterThan(1000); // the measurement saw the packages
    expect(without.initial).toBeLessThanOrEqual(sizeBudget.gzipBytes);
  });

  it('loads the modification check (RenderScript addressing, did-you-mean) lazily, not up front', async () => {
    // esbuild splits by file: one static import of the file that holds it puts it up front again.
    const { initialInputs } = await measure(['zod']);
    const lazyOnly = ['core/dist/rules/modifications.js', 'core/dist/rules/renderscript.js', 'core/dist/rules/suggest.js', 'renders/dist/check-modifications.js'];
    expect(initialInputs.filter((p) => lazyOnly.some((l) => p.endsWith(l)))).toEqual([]);
    expect(initialInputs.some((p) => p.endsWith('core/dist/rules/render-request.js'))).toBe(true); // checkRenderRequest stays up front, synchronous
  });
});
