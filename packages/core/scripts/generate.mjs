#!/usr/bin/env node
// Generates everything under src/generated/ and test/generated/ from ../../specs/*.openapi.yml:
//   <vendor>/types.ts       openapi-typescript (paths, components, operations)
//   <vendor>/zod.ts         @hey-api/openapi-ts zod plugin (zod 4 schemas)
//   <vendor>/operations.ts  operationSchemas: one row per operation: method, path, and its zod schemas
//   <vendor>/index.ts       re-exports the three above (package subpaths @reelkit/core/<vendor>)
//   specs.ts                title, version and sha256 of each spec (what `reelkit doctor` prints)
//   version.ts              this package's version (the User-Agent's)
//   test/generated/<vendor>.schemas.test-d.ts  zod output type === openapi-typescript type, per component schema
// `--check` generates in memory and fails, listing the files, when anything committed is stale.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { typeExceptions } from './type-exceptions.mjs';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// REELKIT_SPECS_DIR lets the freshness test point the generator at a modified copy of the specs.
const specsDir = resolve(process.env.REELKIT_SPECS_DIR ?? resolve(pkgDir, '../../specs'));
const vendors = ['creatomate', 'creatify'];
const check = process.argv.includes('--check');

const header = (spec, tool) =>
  `// generated — do not edit. Source: specs/${spec} via ${tool}.\n// Regenerate with \`pnpm generate\`; \`pnpm generate:check\` fails when this file is stale.\n/* eslint-disable */\n`;

const pascal = (s) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

/**
 * Marks every zod call chain \`z.…(…)\` as pure, so a bundler drops the schemas nothing uses (the
 * response schemas when a bundle never loads the response table).
 */
function markPure(text) {
  return text.replace(/(?<![\w.$])z\.(?=\w+\()/g, '/* @__PURE__ */ z.');
}

/** Names of component schemas reachable through $refs from `roots`. */
function reachable(spec, roots) {
  const seen = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string') {
      const ref = node.$ref.split('/');
      if (ref[2] === 'schemas' && !seen.has(ref[3])) {
        seen.add(ref[3]);
        visit(spec.components.schemas[ref[3]]);
      } else if (ref[2] !== 'schemas') {
        visit(ref.slice(1).reduce((acc, k) => acc?.[k], spec));
      }
    }
    for (const v of Object.values(node)) visit(v);
  };
  visit(roots);
  return seen;
}

/**
 * Response-only component schemas get open enums: \`OpenEnum<'a' | 'b'>\` keeps autocomplete for the
 * known values and lets a value the vendor adds later type-check (responses are read tolerantly).
 * Schemas a request also uses stay closed. Returns the text and every schema whose type changed.
 */
function openResponseEnums(text, spec) {
  const ops = Object.values(spec.paths).flatMap((item) => ['get', 'post', 'put', 'patch', 'delete'].map((m) => item[m]).filter(Boolean));
  const requestSide = reachable(spec, ops.map((op) => [op.parameters ?? [], op.requestBody ?? {}]));
  const responseSide = reachable(spec, ops.map((op) => Object.entries(op.responses).filter(([c]) => /^2/.test(c)).map(([, r]) => r)));
  const open = new Set([...responseSide].filter((n) => !requestSide.has(n)));
  const lines = text.split('\n');
  const opened = new Set();
  let inSchemas = false;
  let current;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '    schemas: {') inSchemas = true;
    else if (inSchemas && line === '    };') inSchemas = false;
    if (!inSchemas) continue;
    const key = /^ {8}(\w+)\??: /.exec(line);
    if (key) current = key[1];
    if (!open.has(current)) continue;
    const next = line.replace(/"[^"\n]*"(?:\s*\|\s*"[^"\n]*")+/g, (union) => `OpenEnum<${union}>`);
    if (next !== line) opened.add(current);
    lines[i] = next;
  }
  // A schema that refers to an opened one changed type too.
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of Object.keys(spec.components.schemas)) {
      if (opened.has(name)) continue;
      if ([...reachable(spec, spec.components.schemas[name])].some((n) => opened.has(n))) {
        opened.add(name);
        grew = true;
      }
    }
  }
  lines.push(
    '/** A closed set of known values that stays open to values the vendor adds later (autocomplete keeps the known ones). */',
    'export type OpenEnum<T extends string> = T | (string & {});',
    '',
  );
  return { text: lines.join('\n'), opened };
}

/**
 * Splits the zod plugin's one file in two, so the request table never imports a response schema
 * (bundlers split chunks by module): zod-requests.ts holds every schema a request table entry
 * reaches, zod-responses.ts the rest (importing the shared ones), zod.ts re-exports both.
 */
function splitZodByDirection(vendor, specFile, requestTable) {
  const full = files.get(`src/generated/${vendor}/zod.ts`);
  const body = full.slice(full.indexOf("import * as z from 'zod';") + "import * as z from 'zod';".length);
  const statements = [...body.matchAll(/(?:\/\*\*[\s\S]*?\*\/\n)?export const (\w+) = [\s\S]*?;\n(?=\n|$)/g)].map((m) => ({ name: m[1], text: m[0] }));
  const names = new Set(statements.map((st) => st.name));
  if (statements.map((st) => st.text).join('').replace(/\s/g, '') !== body.replace(/\s/g, '')) throw new Error(`${vendor}: zod output has a statement the splitter does not understand`);
  const refs = (text) => [...text.matchAll(/\bz[A-Z]\w*/g)].map((m) => m[0]).filter((n) => names.has(n));
  const byName = new Map(statements.map((st) => [st.name, st]));
  const request = new Set();
  const visit = (name) => {
    if (request.has(name)) return;
    request.add(name);
    for (const r of refs(byName.get(name).text)) if (r !== name) visit(r);
  };
  for (const name of refs(requestTable)) visit(name);
  const head = header(specFile, '@hey-api/openapi-ts (zod plugin), calls marked pure, split by direction');
  const reqText = statements.filter((st) => request.has(st.name)).map((st) => st.text).join('\n');
  const resStatements = statements.filter((st) => !request.has(st.name));
  const shared = [...new Set(resStatements.flatMap((st) => refs(st.text)).filter((n) => request.has(n)))].sort();
  const resImport = shared.length ? `import { ${shared.join(', ')} } from './zod-requests.js';\n` : '';
  files.set(`src/generated/${vendor}/zod-requests.ts`, `${head}\nimport * as z from 'zod';\n\n${reqText}`);
  files.set(`src/generated/${vendor}/zod-responses.ts`, `${head}\nimport * as z from 'zod';\n${resImport}\n${resStatements.map((st) => st.text).join('\n')}`);
  files.set(`src/generated/${vendor}/zod.ts`, `${head}export * from './zod-requests.js';\nexport * from './zod-responses.js';\n`);
}

/** @type {Map<string, string>} path relative to the package → content */
const files = new Map();

async function generateVendor(vendor) {
  const specFile = `${vendor}.openapi.yml`;
  const specPath = join(specsDir, specFile);
  const text = readFileSync(specPath, 'utf8');
  const spec = parse(text);

  // 1. openapi-typescript. defaultNonNullable off: a field with a default stays optional in request bodies.
  const ast = await openapiTS(new URL(`file://${specPath}`), { defaultNonNullable: false });
  const { text: typesText, opened } = openResponseEnums(astToString(ast), spec);
  files.set(`src/generated/${vendor}/types.ts`, header(specFile, 'openapi-typescript, response-only enums opened') + typesText);

  // 2. hey-api zod plugin, through its CLI (its documented interface), into a scratch folder.
  const tmp = mkdtempSync(join(tmpdir(), 'reelkit-zod-'));
  try {
    const bin = join(pkgDir, 'node_modules/.bin/openapi-ts');
    execFileSync(bin, ['-i', specPath, '-o', tmp, '-p', 'zod', '--no-log-file', '--silent'], { stdio: 'pipe' });
    const zod = markPure(readFileSync(join(tmp, 'zod.gen.ts'), 'utf8').replace(/^\/\/ This file is auto-generated.*\n/, ''));
    files.set(`src/generated/${vendor}/zod.ts`, header(specFile, '@hey-api/openapi-ts (zod plugin), calls marked pure') + zod);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const zodText = files.get(`src/generated/${vendor}/zod.ts`);
  const zodExports = new Set([...zodText.matchAll(/^export const (\w+)/gm)].map((m) => m[1]));

  // 3. operation table
  const resolveRef = (obj) => {
    let o = obj;
    while (o && o.$ref) o = o.$ref.split('/').slice(1).reduce((acc, k) => acc[k], spec);
    return o;
  };
  const rows = [];
  const requestRows = [];
  const responseRows = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method];
      if (!op) continue;
      const base = `z${pascal(op.operationId)}`;
      // Parameters are closed sets: an unknown query parameter is refused, not sent.
      const strict = (schema) => (schema === 'undefined' ? schema : `${schema}.strict()`);
      const pick = (suffix) => (zodExports.has(base + suffix) ? `zod.${base}${suffix}` : 'undefined');
      const success = Object.keys(op.responses).filter((c) => /^2\d\d$/.test(c));
      if (success.length !== 1) throw new Error(`${op.operationId}: expected one 2xx response, got ${success.join(',')}`);
      const reqBody = resolveRef(op.requestBody);
      const bodySchema = resolveRef(reqBody?.content?.['application/json']?.schema);
      const cost = op['x-reelkit-cost'];
      const repeatable = op['x-reelkit-repeatable'];
      // The retry decision reads only these; an operation without them would fall back to a guess.
      if (cost !== 'paid' && cost !== 'free') throw new Error(`${op.operationId}: x-reelkit-cost must be 'paid' or 'free' (specs/CHANGES.md)`);
      if (typeof repeatable !== 'boolean') throw new Error(`${op.operationId}: x-reelkit-repeatable must be true or false (specs/CHANGES.md)`);
      if (cost === 'paid' && repeatable) throw new Error(`${op.operationId}: a paid operation cannot be repeatable`);
      let body = pick('Body');
      // The zod plugin ignores `additionalProperties: false` next to `properties`; make such bodies strict here.
      if (body !== 'undefined' && bodySchema?.additionalProperties === false) body = `${body}.strict()`;
      const name = op.operationId;
      requestRows.push(
        `  ${name}: {\n` +
          `    operationId: '${name}',\n` +
          `    method: '${method.toUpperCase()}',\n` +
          `    path: '${path}',\n` +
          `    successStatus: ${success[0]},\n` +
          `    unconfirmed: ${Boolean(op['x-reelkit-unconfirmed'])},\n` +
          `    cost: '${cost}',\n` +
          `    repeatable: ${repeatable},\n` +
          `    bodyRequired: ${Boolean(reqBody?.required)},\n` +
          `    body: ${body},\n` +
          `    path_params: ${strict(pick('Path'))},\n` +
          `    query: ${strict(pick('Query'))},\n` +
          `  },`,
      );
      responseRows.push(`  ${name}: ${pick('Response')},`);
      rows.push(`  ${name}: { ...requestSchemas.${name}, response: responseSchemas.${name} },`);
    }
  }
  splitZodByDirection(vendor, specFile, requestRows.join('\n'));

  // Requests and responses in two tables: the client imports the request table and loads the
  // response table only when it checks responses (a bundle with response checks off drops it).
  files.set(
    `src/generated/${vendor}/requests.ts`,
    header(specFile, 'scripts/generate.mjs') +
      `import * as zod from './zod-requests.js';\n\n` +
      `/** Every operation of specs/${specFile}: its policy (cost, repeatable) and the zod schemas of its request. */\n` +
      `export const requestSchemas = {\n${requestRows.join('\n')}\n} as const;\n`,
  );
  files.set(
    `src/generated/${vendor}/responses.ts`,
    header(specFile, 'scripts/generate.mjs') +
      `import * as zod from './zod.js';\n\n` +
      `/** The zod schema of each operation's success response (undefined: no body). */\n` +
      `export const responseSchemas = {\n${responseRows.join('\n')}\n} as const;\n`,
  );
  files.set(
    `src/generated/${vendor}/operations.ts`,
    header(specFile, 'scripts/generate.mjs') +
      `import { requestSchemas } from './requests.js';\nimport { responseSchemas } from './responses.js';\n\n` +
      `/** Every operation of specs/${specFile}, keyed by operationId, with the zod schemas that validate it. */\n` +
      `export const operationSchemas = {\n${rows.join('\n')}\n} as const;\n\n` +
      `export type OperationId = keyof typeof operationSchemas;\n`,
  );
  files.set(
    `src/generated/${vendor}/index.ts`,
    header(specFile, 'scripts/generate.mjs') +
      `export type * from './types.js';\nexport * from './zod.js';\nexport * from './operations.js';\nexport * from './requests.js';\nexport * from './responses.js';\n`,
  );

  // 4. type-equality tests, one per component schema
  const exceptions = typeExceptions[vendor] ?? {};
  const names = Object.keys(spec.components.schemas);
  for (const name of Object.keys(exceptions)) {
    if (!names.includes(name)) throw new Error(`type-exceptions.mjs names ${vendor}.${name}, which the spec does not have`);
  }
  const cases = names.map((name) => {
    const ex = exceptions[name];
    const zodType = ex?.compare === 'input' ? `z.input<typeof zod.z${name}>` : `z.output<typeof zod.z${name}>`;
    let tsType = ex?.compare === 'known-keys' ? `KnownKeys<Schemas['${name}']>` : `Schemas['${name}']`;
    if (opened.has(name)) tsType = `Closed<${tsType}>`;
    const notes = [ex?.compare, opened.has(name) ? 'open-enums' : undefined].filter(Boolean);
    const note = notes.length ? ` (exception: ${notes.join(', ')}, see scripts/type-exceptions.mjs)` : '';
    return `  it('${name}: zod and openapi-typescript agree${note}', () => {\n    expectTypeOf<${zodType}>().toEqualTypeOf<${tsType}>();\n  });`;
  });
  files.set(
    `test/generated/${vendor}.schemas.test-d.ts`,
    header(specFile, 'scripts/generate.mjs') +
      `import type * as z from 'zod';\nimport { describe, expectTypeOf, it } from 'vitest';\n` +
      `import type { components } from '../../src/generated/${vendor}/types.js';\n` +
      `import type * as zod from '../../src/generated/${vendor}/zod.js';\n\n` +
      `type Schemas = components['schemas'];\n` +
      `/** Drops the index signature that \`additionalProperties: true\` adds, keeping the declared keys. */\n` +
      `type KnownKeys<T> = { [K in keyof T as string extends K ? never : K]: T[K] };\n` +
      `/** Undoes OpenEnum (\`| (string & {})\`), deeply: what the zod schema of the spec's closed enum outputs. */\n` +
      `type IsOpen<T> = [T] extends [string] ? ((<G>() => G extends T ? 1 : 2) extends <G>() => G extends string & {} ? 1 : 2 ? true : false) : false;\n` +
      `type Closed<T> = T extends unknown ? (IsOpen<T> extends true ? never : T extends object ? { [K in keyof T]: Closed<T[K]> } : T) : never;\n\n` +
      `describe('${vendor}: generated zod schemas match the generated types', () => {\n${cases.join('\n')}\n});\n`,
  );

  return { vendor, title: spec.info.title, version: spec.info.version, openapi: spec.openapi, sha256: createHash('sha256').update(text).digest('hex'), operations: rows.length };
}

// The User-Agent's version, from package.json at build time (build depends on generate).
const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
files.set('src/generated/version.ts', header('x', 'scripts/generate.mjs').replace('specs/x', 'packages/core/package.json') + `/** @reelkit/core's version, sent in the User-Agent. */\nexport const VERSION = ${JSON.stringify(version)};\n`);

const metas = [];
for (const v of vendors) metas.push(await generateVendor(v));
files.set(
  'src/generated/specs.ts',
  header('*.openapi.yml', 'scripts/generate.mjs') +
    `/** The specs this build of @reelkit/core was generated from. */\n` +
    `export const specs = ${JSON.stringify(
      Object.fromEntries(metas.map(({ vendor, ...m }) => [vendor, { file: `specs/${vendor}.openapi.yml`, ...m }])),
      null,
      2,
    )} as const;\n`,
);

if (check) {
  const stale = [];
  for (const [rel, content] of files) {
    const abs = join(pkgDir, rel);
    if (!existsSync(abs) || readFileSync(abs, 'utf8') !== content) stale.push(rel);
  }
  // A generated file that generation no longer produces is stale too.
  for (const dir of ['src/generated', 'test/generated']) {
    const walk = (d) =>
      readdirSync(join(pkgDir, d), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)],
      );
    if (existsSync(join(pkgDir, dir))) for (const f of walk(dir)) if (!files.has(f)) stale.push(`${f} (no longer generated)`);
  }
  if (stale.length) {
    console.error(`Generated files are stale; run \`pnpm generate\` and commit:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`generate:check: ${files.size} generated files match specs/`);
} else {
  for (const [rel, content] of files) {
    const abs = join(pkgDir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  console.log(`generated ${files.size} files: ${[...files.keys()].map((f) => relative('.', join(pkgDir, f))).join(', ')}`);
}
