import { describe, expect, it } from 'vitest';
import { CREATIFY_TEMPLATE_IDS, creatifyTemplates } from '@reelkit/emulator/fixtures';
import {
  audio,
  avatar,
  image,
  isKnownVariable,
  text,
  validateVariables,
  variable,
  video,
  voiceover,
  type TemplateVariables,
  type TemplateWithVariables,
} from '../src/variables.js';

const seed = (id: string): TemplateWithVariables => {
  const template = creatifyTemplates.find((t) => t.template_id === id);
  if (!template) throw new Error(`no seed template ${id}`);
  return template;
};
const showcase = seed(CREATIFY_TEMPLATE_IDS.productShowcase);

/** A complete, valid set of variables for a seed template, built from its definitions. */
function validFor(template: TemplateWithVariables): TemplateVariables {
  const out: TemplateVariables = {};
  for (const [name, def] of Object.entries(template.variables)) {
    switch (def.type) {
      case 'text': out[name] = text(`value of ${name}`); break;
      case 'image': out[name] = image('https://cdn.example.com/a.png'); break;
      case 'video': out[name] = video('https://cdn.example.com/a.mp4'); break;
      case 'audio': out[name] = audio('https://cdn.example.com/a.mp3'); break;
      case 'avatar': out[name] = avatar('0a1b2c3d-0000-4000-8000-000000000001'); break;
      case 'voiceover': out[name] = voiceover('0a1b2c3d-0000-4000-8000-000000000002'); break;
      default: throw new Error(`seed template uses unknown kind ${def.type}`);
    }
  }
  return out;
}

describe('variable helpers', () => {
  it('build the wire shape {type, properties} for every kind', () => {
    expect(text('Hi')).toEqual({ type: 'text', properties: { content: 'Hi' } });
    expect(image(new URL('https://x.test/a.png'))).toEqual({ type: 'image', properties: { url: 'https://x.test/a.png' } });
    expect(video('https://x.test/a.mp4')).toEqual({ type: 'video', properties: { url: 'https://x.test/a.mp4' } });
    expect(audio('https://x.test/a.mp3')).toEqual({ type: 'audio', properties: { url: 'https://x.test/a.mp3' } });
    expect(avatar('p1')).toEqual({ type: 'avatar', properties: { avatar_id: 'p1' } });
    expect(voiceover('v1')).toEqual({ type: 'voiceover', properties: { voice_id: 'v1' } });
  });

  it('variable() is the escape hatch for new kinds and refuses known kinds at run time', () => {
    const sticker = variable('sticker', { sticker_id: 's1' });
    expect(sticker).toEqual({ type: 'sticker', properties: { sticker_id: 's1' } });
    expect(isKnownVariable(sticker)).toBe(false);
    expect(isKnownVariable(text('x'))).toBe(true);
    // @ts-expect-error a known kind has its own helper
    expect(() => variable('text', { content: 'x' })).toThrow(/text\(\) helper/);
  });
});

describe('validateVariables', () => {
  it.each(creatifyTemplates.map((t) => [t.name, t] as const))('accepts a complete set of variables for seed template %s', (_name, template) => {
    expect(validateVariables(template, validFor(template))).toEqual([]);
  });

  it.each(creatifyTemplates.map((t) => [t.name, t] as const))('reports every required variable of %s that is missing', (_name, template) => {
    const required = Object.entries(template.variables)
      .filter(([, d]) => d.required === true && d.default == null)
      .map(([n]) => n);
    expect(required.length).toBeGreaterThan(0);
    const problems = validateVariables(template, {});
    expect(problems.map((p) => [p.name, p.reason])).toEqual(required.map((n) => [n, 'missing_required']));
  });

  it.each(creatifyTemplates.map((t) => [t.name, t] as const))('reports a wrong type for every variable of %s', (_name, template) => {
    for (const [name, def] of Object.entries(template.variables)) {
      const wrong = def.type === 'text' ? image('https://x.test/a.png') : text('x');
      const problems = validateVariables(template, { ...validFor(template), [name]: wrong });
      expect(problems).toEqual([expect.objectContaining({ name, reason: 'wrong_type', expected: def.type })]);
    }
  });

  it('suggests the closest defined name for an unknown variable', () => {
    const vars = { ...validFor(showcase), prodct_name: text('typo') };
    const [problem, ...rest] = validateVariables(showcase, vars);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ name: 'prodct_name', reason: 'unknown_variable', suggestion: 'product_name' });
    expect(problem?.message).toContain('did you mean "product_name"');
  });

  it('suggests within max(2, floor(length / 3)) edits, ignoring case, and no further', () => {
    const template: TemplateWithVariables = { variables: { headline: { type: 'text' }, cta: { type: 'text' } } };
    const suggestionFor = (name: string) => validateVariables(template, { [name]: text('x') })[0]?.suggestion;
    expect(suggestionFor('HEADLINE')).toBe('headline'); // case alone is distance 0
    expect(suggestionFor('ct')).toBe('cta'); // short names: 2 edits allowed
    expect(suggestionFor('xyz')).toBeUndefined(); // 3 edits
    expect(suggestionFor('hedlin')).toBe('headline'); // 6 characters: 2 edits
    expect(suggestionFor('hedlne')).toBe('headline');
    expect(suggestionFor('hxxdlinx')).toBeUndefined();
    expect(suggestionFor('headlinxyz')).toBe('headline'); // 10 characters: 3 edits (floor(10 / 3))
    expect(suggestionFor('hedlinexyz')).toBeUndefined(); // 4 edits
  });

  it('gives no suggestion when no defined name is close, and lists the defined names instead', () => {
    const [problem] = validateVariables(showcase, { ...validFor(showcase), zzzzzzzz: text('x') });
    expect(problem).toMatchObject({ name: 'zzzzzzzz', reason: 'unknown_variable' });
    expect(problem?.suggestion).toBeUndefined();
    expect(problem?.message).toContain('"product_name"');
  });

  it('reports a bad URL on a media variable: unparseable or not http(s)', () => {
    for (const url of ['not a url', 'ftp://cdn.example.com/a.png', 'javascript:alert(1)']) {
      const problems = validateVariables(showcase, { ...validFor(showcase), product_image: image(url) });
      expect(problems).toEqual([expect.objectContaining({ name: 'product_image', reason: 'bad_url' })]);
    }
  });

  it('reports a malformed value of the right kind, naming the expected shape', () => {
    const problems = validateVariables(showcase, { ...validFor(showcase), presenter: { type: 'avatar', properties: {} } });
    expect(problems).toEqual([expect.objectContaining({ name: 'presenter', reason: 'malformed' })]);
    expect(problems[0]?.message).toContain('avatar_id');
  });

  it('treats a required variable with a default as optional, and optional variables as optional', () => {
    const template: TemplateWithVariables = {
      variables: { title: { type: 'text', required: true, default: 'Hello' }, logo: { type: 'image', required: false } },
    };
    expect(validateVariables(template, {})).toEqual([]);
  });

  it('accepts a kind the template defines but this package does not know, given through variable()', () => {
    const template: TemplateWithVariables = { variables: { sticker: { type: 'sticker', required: true } } };
    expect(validateVariables(template, { sticker: variable('sticker', { sticker_id: 's1' }) })).toEqual([]);
    expect(validateVariables(template, { sticker: text('x') })).toEqual([
      expect.objectContaining({ name: 'sticker', reason: 'wrong_type', expected: 'sticker' }),
    ]);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])(
    'reports a variable named %s (an Object.prototype name) as unknown, not as a wrong type',
    (name) => {
      // JSON.parse makes `__proto__` an own key, as a request body or config file would.
      const vars = JSON.parse(JSON.stringify({ ...validFor(showcase) }).replace(/^\{/, `{${JSON.stringify(name)}:${JSON.stringify(text('x'))},`)) as TemplateVariables;
      expect(Object.hasOwn(vars, name)).toBe(true);
      const problems = validateVariables(showcase, vars);
      expect(problems).toEqual([expect.objectContaining({ name, reason: 'unknown_variable' })]);
      expect(problems[0]?.message).not.toContain('undefined');
    },
  );

  it('reports a required template variable named after an Object.prototype member as missing when not given', () => {
    const template: TemplateWithVariables = {
      variables: JSON.parse('{"constructor":{"type":"text","required":true},"__proto__":{"type":"text","required":true}}') as TemplateWithVariables['variables'],
    };
    expect(validateVariables(template, {}).map((p) => [p.name, p.reason])).toEqual([
      ['constructor', 'missing_required'],
      ['__proto__', 'missing_required'],
    ]);
    const given = JSON.parse(`{"constructor":${JSON.stringify(text('a'))},"__proto__":${JSON.stringify(text('b'))}}`) as TemplateVariables;
    expect(validateVariables(template, given)).toEqual([]);
  });

  it('rejects a non-object variables value', () => {
    expect(validateVariables(showcase, [])).toEqual([expect.objectContaining({ reason: 'malformed' })]);
  });
});
