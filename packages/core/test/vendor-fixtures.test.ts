// The SDK decodes what the vendors document: every hand-written vendor-shaped body (see
// fixtures/vendor/README.md) parses with the generated schema of its operation and status.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { operationSchemas as creatify, zValidationError } from '../src/generated/creatify/index.js';
import { operationSchemas as creatomate, zError } from '../src/generated/creatomate/index.js';

interface Fixture {
  fixture: { vendor: 'creatomate' | 'creatify'; operation: string; status: number; source: string };
  body: unknown;
}

const dir = new URL('./fixtures/vendor/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((file) => ({ file, ...(JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Fixture) }));

function schemaFor({ vendor, operation, status }: Fixture['fixture']): ZodType {
  if (status >= 400) return vendor === 'creatomate' ? zError : zValidationError;
  const table: Record<string, { response: ZodType | undefined; successStatus: number }> = vendor === 'creatomate' ? creatomate : creatify;
  const op = table[operation];
  if (!op?.response) throw new Error(`no response schema for ${vendor} ${operation}`);
  expect(op.successStatus).toBe(status);
  return op.response;
}

describe('vendor-shaped fixtures', () => {
  it('cover both vendors, successes and errors, each with its source', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    expect(new Set(fixtures.map((f) => f.fixture.vendor))).toEqual(new Set(['creatomate', 'creatify']));
    for (const f of fixtures) expect(f.fixture.source, f.file).toMatch(/^Written from /);
  });

  for (const f of fixtures) {
    it(`${f.file} decodes with the generated schema of ${f.fixture.operation} (${f.fixture.status})`, () => {
      const result = schemaFor(f.fixture).safeParse(f.body);
      expect(result.success ? [] : result.error.issues).toEqual([]);
    });
  }
});
