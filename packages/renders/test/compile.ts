// Compiles files with the TypeScript compiler API, as a consumer of the package would (NodeNext,
// strict, the `@reelkit/source` condition so imports resolve to src without a build).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface CompileResult {
  errors: string[];
}

/** Writes `files` into a fresh temp dir under `parent` (inside a package, so its name resolves) and type-checks them. */
export function compileFiles(parent: string, files: Record<string, string>): CompileResult {
  const dir = mkdtempSync(join(parent, '.tmp-'));
  try {
    const paths = Object.entries(files).map(([name, text]) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    });
    const program = ts.createProgram(paths, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      customConditions: ['@reelkit/source'],
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      skipLibCheck: true,
      noUncheckedIndexedAccess: true,
    });
    // Only what the consumer's own files get: the imported packages' sources have their own typecheck.
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => !d.file || d.file.fileName.startsWith(dir))
      .map((d) => `${d.file ? `${d.file.fileName.slice(dir.length + 1)}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    return { errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
