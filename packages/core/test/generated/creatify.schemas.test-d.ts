// generated — do not edit. Source: specs/creatify.openapi.yml via scripts/generate.mjs.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */
import type * as z from 'zod';
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../../src/generated/creatify/types.js';
import type * as zod from '../../src/generated/creatify/zod.js';

type Schemas = components['schemas'];
/** Drops the index signature that `additionalProperties: true` adds, keeping the declared keys. */
type KnownKeys<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
/** Undoes OpenEnum (`| (string & {})`), deeply: what the zod schema of the spec's closed enum outputs. */
type IsOpen<T> = [T] extends [string] ? ((<G>() => G extends T ? 1 : 2) extends <G>() => G extends string & {} ? 1 : 2 ? true : false) : false;
type Closed<T> = T extends unknown ? (IsOpen<T> extends true ? never : T extends object ? { [K in keyof T]: Closed<T[K]> } : T) : never;

describe('creatify: generated zod schemas match the generated types', () => {
  it('JobStatus: zod and openapi-typescript agree (exception: open-enums, see scripts/type-exceptions.mjs)', () => {
    expectTypeOf<z.output<typeof zod.zJobStatus>>().toEqualTypeOf<Closed<Schemas['JobStatus']>>();
  });
  it('ModelVersion: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zModelVersion>>().toEqualTypeOf<Schemas['ModelVersion']>();
  });
  it('CustomTemplateJobInput: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zCustomTemplateJobInput>>().toEqualTypeOf<Schemas['CustomTemplateJobInput']>();
  });
  it('RenderJobInput: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zRenderJobInput>>().toEqualTypeOf<Schemas['RenderJobInput']>();
  });
  it('TemplateVariables: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zTemplateVariables>>().toEqualTypeOf<Schemas['TemplateVariables']>();
  });
  it('TemplateVariable: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zTemplateVariable>>().toEqualTypeOf<Schemas['TemplateVariable']>();
  });
  it('TextVariable: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zTextVariable>>().toEqualTypeOf<Schemas['TextVariable']>();
  });
  it('ImageVariable: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zImageVariable>>().toEqualTypeOf<Schemas['ImageVariable']>();
  });
  it('VideoVariable: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zVideoVariable>>().toEqualTypeOf<Schemas['VideoVariable']>();
  });
  it('AudioVariable: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zAudioVariable>>().toEqualTypeOf<Schemas['AudioVariable']>();
  });
  it('MediaProperties: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zMediaProperties>>().toEqualTypeOf<Schemas['MediaProperties']>();
  });
  it('AvatarVariable: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zAvatarVariable>>().toEqualTypeOf<Schemas['AvatarVariable']>();
  });
  it('VoiceoverVariable: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zVoiceoverVariable>>().toEqualTypeOf<Schemas['VoiceoverVariable']>();
  });
  it('OtherVariable: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zOtherVariable>>().toEqualTypeOf<Schemas['OtherVariable']>();
  });
  it('CustomTemplateJob: zod and openapi-typescript agree (exception: open-enums, see scripts/type-exceptions.mjs)', () => {
    expectTypeOf<z.output<typeof zod.zCustomTemplateJob>>().toEqualTypeOf<Closed<Schemas['CustomTemplateJob']>>();
  });
  it('CustomTemplate: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zCustomTemplate>>().toEqualTypeOf<Schemas['CustomTemplate']>();
  });
  it('CustomTemplateDetail: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zCustomTemplateDetail>>().toEqualTypeOf<Schemas['CustomTemplateDetail']>();
  });
  it('VariableDetail: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zVariableDetail>>().toEqualTypeOf<Schemas['VariableDetail']>();
  });
  it('ValidationError: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zValidationError>>().toEqualTypeOf<Schemas['ValidationError']>();
  });
  it('DetailError: zod and openapi-typescript agree', () => {
    expectTypeOf<z.output<typeof zod.zDetailError>>().toEqualTypeOf<Schemas['DetailError']>();
  });
});
