// Prints what the size budget's bundle holds, chunk by chunk (up front or lazy) and, inside each
// chunk, the minified bytes of every source file: `node size/breakdown.mjs` in qa/release after
// `pnpm turbo run build --filter='./packages/*'`. The budget itself is checked by test/size.test.ts.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = join(import.meta.dirname, '..');
const { sizeBudget } = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const entry = process.argv[2] ?? sizeBudget.entry;

const result = await build({
  entryPoints: [join(here, entry)],
  absWorkingDir: here,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  minify: true,
  write: false,
  metafile: true,
  outdir: join(here, '.size-out'),
  external: ['zod'],
  logLevel: 'silent',
});
const gz = new Map(result.outputFiles.map((f) => [relative(here, f.path), gzipSync(f.contents, { level: 9 }).length]));
const { outputs } = result.metafile;
const start = Object.keys(outputs).find((p) => outputs[p].entryPoint);
const upFront = new Set();
const visit = (p) => {
  if (upFront.has(p)) return;
  upFront.add(p);
  for (const i of outputs[p].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
};
visit(start);
const short = (p) => p.replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/^\.\.\/\.\.\/packages\//, '');
let totals = { up: 0, lazy: 0 };
for (const [path, out] of Object.entries(outputs)) {
  if (!path.endsWith('.js')) continue;
  const where = upFront.has(path) ? 'up' : 'lazy';
  totals[where] += gz.get(path) ?? 0;
  const dynamic = out.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path);
  console.log(`\n${where === 'up' ? 'UP FRONT' : 'LAZY    '} ${path}: ${out.bytes} B raw, ${gz.get(path)} B gz${dynamic.length ? `; import() → ${dynamic.join(', ')}` : ''}`);
  const inputs = Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
  for (const [input, { bytesInOutput }] of inputs) if (bytesInOutput > 0) console.log(`  ${String(bytesInOutput).padStart(6)}  ${short(input)}`);
}
console.log(`\nup front ${totals.up} B gz, lazy ${totals.lazy} B gz (budget ${sizeBudget.gzipBytes})`);
