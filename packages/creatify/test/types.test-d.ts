import { expectTypeOf, test } from 'vitest';
import type { components } from '@reelkit/core/creatify';
import { vars, type KnownVariable, type TemplateVariable, type TemplateVariables } from '../src/index.js';

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
