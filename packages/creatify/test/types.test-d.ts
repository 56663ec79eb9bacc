import { expectTypeOf, test } from 'vitest';
import type { CallOptions, WaitOptions } from '@reelkit/core';
import type { components } from '@reelkit/core/creatify';
import { createCreatify, vars, type Creatify, type CustomTemplateJob, type JobWaitOptions, type KnownVariable, type TemplateVariable, type TemplateVariables } from '../src/index.js';

const { text, variable } = vars;

test('variable types are the generated spec types', () => {
  expectTypeOf<TemplateVariable>().toEqualTypeOf<components['schemas']['TemplateVariable']>();
  expectTypeOf<TemplateVariables>().toEqualTypeOf<components['schemas']['TemplateVariables']>();
  expectTypeOf(text('x')).toEqualTypeOf<components['schemas']['TextVariable']>();
});

test('the known-kind union narrows on type', () => {
  const v = text('x') as KnownVariable;
  if (v.type === 'avatar') expectTypeOf(v.properties).toEqualTypeOf<{ avatar_id: string }>();
  expectTypeOf(variable('sticker', {})).toEqualTypeOf<components['schemas']['OtherVariable']>();
});

test('createCreatify returns the explicit, documented Creatify interface; waits take core WaitOptions', () => {
  expectTypeOf(createCreatify).returns.toEqualTypeOf<Creatify>();
  expectTypeOf<JobWaitOptions>().toMatchTypeOf<WaitOptions<CustomTemplateJob>>();
  expectTypeOf<Creatify['jobs']['get']>().parameter(1).toEqualTypeOf<CallOptions | undefined>();
  // @ts-expect-error the overall deadline is deadlineMs; timeoutMs is per attempt, under `request`
  expectTypeOf<JobWaitOptions>().toMatchTypeOf<{ timeoutMs: number }>();
});
