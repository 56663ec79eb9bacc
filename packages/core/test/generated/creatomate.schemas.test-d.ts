// generated — do not edit. Source: specs/creatomate.openapi.yml via scripts/generate.mjs.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */
import type * as z from 'zod';
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../../src/generated/creatomate/types.js';
import type * as zod from '../../src/generated/creatomate/zod.js';

type Schemas = components['schemas'];
/** Drops the index signature that `additionalProperties: true` adds, keeping the declared keys. */
type KnownKeys<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
/** Undoes OpenEnum (`| (string & {})`), deeply: what the zod schema of the spec's closed enum outputs. */
type IsOpen<T> = [T] extends [string] ? ((<G>() => G extends T ? 1 : 2) extends <G>() => G extends string & {} ? 1 : 2 ? true : false) : false;
type Closed<T> = T extends unknown ? (IsOpen<T> extends true ? never : T extends object ? { [K in keyof T]: Closed<T[K]> } : T) : never;

describe('creatomate: generated zod schemas match the generated types', () => {
  it('CreateRenderRequest: zod and openapi-typescript agree (exception: input, see scripts/type-exceptions.mjs)', () => {
    expectTypeOf<z.input<typeof zod.zCreateRenderRequest>>().toEqualTypeOf<Schemas['CreateRenderRequest']>();
  });
  it('Render: zod and openapi-typescript agree (exception: open-enums, see scripts/type-exceptions.mjs)', () => {
    expectTypeOf<z.output<typeof zod.zRender>>().toEqualTypeOf<Closed<Schemas['Render']>>();
  });
  it('RenderStatus: zod and openapi-typescript agree (exception: open-enums, see scripts/type-exceptions.mjs)', () => {
    expectTypeOf<z.output<typeof zod.zRenderStatus>>().toEqualTypeOf<Closed<Schemas['RenderStatus']>>();
  });
  it('Template: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zTemplate>>().toEqualTypeOf<Schemas['Template']>();
  });
  it('Error: zod and openapi-typescript agree (exception: known-keys, see scripts/type-exceptions.mjs)', () => {
    expectTypeOf<z.output<typeof zod.zError>>().toEqualTypeOf<KnownKeys<Schemas['Error']>>();
  });
});
