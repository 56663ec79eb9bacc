// Typed template variables: the spec's `TemplateVariable` union, constructors for each kind, and a
// check of a job's variables against a template's variable definitions before any credits are spent.
import { ReelkitError } from '@reelkit/core';
import type { components } from '@reelkit/core/creatify';
import { checkVariables, VARIABLE_KINDS, type VariableKind, type VariableProblem } from '@reelkit/core/rules/creatify';

type Schemas = components['schemas'];

export type TextVariable = Schemas['TextVariable'];
export type ImageVariable = Schemas['ImageVariable'];
export type VideoVariable = Schemas['VideoVariable'];
export type AudioVariable = Schemas['AudioVariable'];
export type AvatarVariable = Schemas['AvatarVariable'];
export type VoiceoverVariable = Schemas['VoiceoverVariable'];
/** A variable kind the API added after this package was written (escape hatch). */
export type OtherVariable = Schemas['OtherVariable'];
/** Any variable value, as the spec defines it (the six known kinds plus `OtherVariable`). */
export type TemplateVariable = Schemas['TemplateVariable'];
/** The `variables` object of a job: variable name → value. */
export type TemplateVariables = Schemas['TemplateVariables'];
/** Members of the union whose `type` is a literal (every kind but the escape hatch). */
type WithLiteralType<T> = T extends { type: infer K } ? (string extends K ? never : T) : never;
/**
 * The known kinds only, derived from the spec's union. `OtherVariable.type` is `string`, so
 * narrowing on `type` works on this union, not on `TemplateVariable`; use `isKnownVariable` first.
 */
export type KnownVariable = WithLiteralType<TemplateVariable>;
export { VARIABLE_KINDS, type VariableKind } from '@reelkit/core/rules/creatify';
/** A template's definition of one variable (`{type, required?, default?}`). */
export type VariableDetail = Schemas['VariableDetail'];
/** Anything carrying variable definitions: a fetched `CustomTemplateDetail` or a seed template. */
export type TemplateWithVariables = Pick<Schemas['CustomTemplateDetail'], 'variables'>;

export function isKnownVariable(value: TemplateVariable): value is KnownVariable {
  return (VARIABLE_KINDS as readonly string[]).includes(value.type);
}

/** Text for a `{{placeholder}}` in the template. */
export function text(content: string): TextVariable {
  return { type: 'text', properties: { content } };
}
/** An image by public URL. */
export function image(url: string | URL): ImageVariable {
  return { type: 'image', properties: { url: String(url) } };
}
/** A video clip by public URL. */
export function video(url: string | URL): VideoVariable {
  return { type: 'video', properties: { url: String(url) } };
}
/** Background audio by public URL. */
export function audio(url: string | URL): AudioVariable {
  return { type: 'audio', properties: { url: String(url) } };
}
/** An avatar (persona) id. */
export function avatar(avatar_id: string): AvatarVariable {
  return { type: 'avatar', properties: { avatar_id } };
}
/** A voice id (`accents[].id` from Creatify's voices endpoint). */
export function voiceover(voice_id: string): VoiceoverVariable {
  return { type: 'voiceover', properties: { voice_id } };
}

/**
 * Escape hatch for a variable kind the API adds later: `variable('sticker', { sticker_id: 'x' })`.
 * A known kind is refused (at compile time and at run time) so its typed helper is used instead.
 */
export function variable<K extends string>(
  type: K extends VariableKind ? never : K,
  properties: Record<string, unknown>,
): OtherVariable {
  if ((VARIABLE_KINDS as readonly string[]).includes(type)) {
    throw new ReelkitError(`variable("${type}") — use the ${type}() helper for the known kind "${type}"`);
  }
  return { type, properties };
}

export type { VariableProblem, VariableProblemReason } from '@reelkit/core/rules/creatify';

/**
 * Checks `variables` against the template's definitions and returns every problem (empty = valid).
 * A variable counts as missing when the template marks it `required` and gives no `default` (the
 * default is used when the variable is not given). Media URLs must be absolute http(s) URLs, which
 * Creatify can fetch. The rule is @reelkit/core/rules/creatify's, the one the emulator answers by.
 */
export function validateVariables(template: TemplateWithVariables, variables: unknown): VariableProblem[] {
  return checkVariables(template.variables, variables);
}
