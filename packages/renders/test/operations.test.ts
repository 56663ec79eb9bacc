import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, RequestValidationError } from '@reelkit/core';
import { CREATOMATE_TEMPLATE_IDS as T } from '@reelkit/emulator';
import { InvalidModificationsError, TemplateNotCheckableError, type CreateRenderParams } from '../src/index.js';
import { setup, type Setup } from './helpers.js';

let s: Setup;
beforeEach(async () => {
  s = await setup();
});
afterEach(() => s.close());

describe('render operations against the emulator', () => {
  it('creates a render from a template with modifications and gets it back', async () => {
    const [render, ...rest] = await s.renders.create({ template_id: T.quoteSquare, modifications: { Quote: 'Ship it', author: 'Ada' }, metadata: 'order-1' });
    expect(rest).toEqual([]);
    expect(render).toMatchObject({ status: 'planned', template_id: T.quoteSquare, template_name: 'Quote Square', metadata: 'order-1' });
    expect(render!.modifications).toEqual({ Quote: 'Ship it', author: 'Ada' });
    const fetched = await s.renders.get(render!.id);
    expect(fetched.id).toBe(render!.id);
    expect(fetched.status).toBe('planned');
  });

  it('creates a render from an inline source with typed elements', async () => {
    const [render] = await s.renders.create({
      source: {
        output_format: 'png',
        width: 320,
        height: 180,
        elements: [
          { type: 'shape', name: 'Bg', fill_color: '#123456', locked: true },
          { type: 'text', name: 'Title', text: 'Hello {{who}}', dynamic: true, visible: true },
          { type: 'composition', name: 'Group', elements: [{ type: 'image', name: 'Pic', source: 'https://x.test/a.png' }] },
        ],
      },
      modifications: { who: 'world' },
    });
    expect(render).toMatchObject({ status: 'planned', template_id: null, output_format: 'png' });
  });

  it('creates one render per template carrying a tag', async () => {
    const created = await s.renders.create({ tags: ['promo'] });
    expect(created.map((r) => r.template_id).sort()).toEqual([T.storyPromo, T.digestGif].sort());
  });

  it('lists renders, filtered by template and limited, and deletes one', async () => {
    const [a] = await s.renders.create({ template_id: T.quoteSquare });
    const [b] = await s.renders.create({ template_id: T.productCard });
    const [c] = await s.renders.create({ template_id: T.quoteSquare });
    expect((await s.renders.list()).map((r) => r.id).sort()).toEqual([a!.id, b!.id, c!.id].sort());
    expect((await s.renders.list({ template_id: T.quoteSquare })).map((r) => r.id).sort()).toEqual([a!.id, c!.id].sort());
    expect(await s.renders.list({ limit: 1 })).toHaveLength(1);
    const deleted = await s.renders.delete(a!.id);
    expect(deleted.id).toBe(a!.id);
    await expect(s.renders.get(a!.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await s.renders.list()).map((r) => r.id).sort()).toEqual([b!.id, c!.id].sort());
  });

  it('enforces exactly one of template_id, source, tags at run time without sending anything', async () => {
    const bad = [{}, { template_id: T.quoteSquare, tags: ['promo'] }, { source: {}, template_id: T.quoteSquare }] as unknown as CreateRenderParams[];
    for (const params of bad) await expect(s.renders.create(params)).rejects.toBeInstanceOf(RequestValidationError);
    expect(s.requests).toEqual([]);
  });

  it('by default, create rejects a misspelt key before submitting, with a suggestion', async () => {
    const error = await s.renders.create({ template_id: T.storyPromo, modifications: { Headlin: 'Sale' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidModificationsError);
    expect((error as InvalidModificationsError).problems).toEqual([expect.objectContaining({ key: 'Headlin', suggestion: 'Headline' })]);
    expect(s.requests.filter((r) => r.startsWith('POST'))).toEqual([]);
    expect(s.stored()).toEqual([]);
  });

  it('by default, create fetches each template once and submits valid modifications', async () => {
    for (let i = 0; i < 3; i++) await s.renders.create({ template_id: T.storyPromo, modifications: { Headline: `Sale ${i}`, website: 'x.test' } });
    await s.renders.create({ template_id: T.productCard, modifications: { Price: '$1' } });
    expect(s.requests.filter((r) => r.startsWith('GET /templates'))).toEqual([`GET /templates/${T.storyPromo}`, `GET /templates/${T.productCard}`]);
    expect(s.stored()).toHaveLength(4);
  });

  it('by default, create checks inline sources without fetching, and tags against every tagged template', async () => {
    await expect(
      s.renders.create({ source: { elements: [{ type: 'text', name: 'Title', text: 'a' }] }, modifications: { Titel: 'b' } }),
    ).rejects.toBeInstanceOf(InvalidModificationsError);
    // `Headline` is only in Story Promo, `topic` only in the digest: both fit one tagged template.
    await s.renders.create({ tags: ['promo'], modifications: { Headline: 'x', topic: 'y' } });
    await expect(s.renders.create({ tags: ['promo'], modifications: { Nope: 'x' } })).rejects.toBeInstanceOf(InvalidModificationsError);
  });

  it('by default, create refuses, without submitting, when the fetched template has no source to check against', async () => {
    await s.close();
    // The API answers the template without its `source` (the spec allows it to be null or absent).
    const noSource = (id: string) => (request: Request) =>
      request.method === 'GET' && new URL(request.url).pathname.endsWith(`/templates/${id}`)
        ? Response.json({ id, name: 'Sourceless', tags: ['promo'], source: null })
        : undefined;
    s = await setup({}, { intercept: noSource(T.quoteSquare) });
    const error = await s.renders.create({ template_id: T.quoteSquare, modifications: { Qoute: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateNotCheckableError);
    expect(error).toMatchObject({ template_id: T.quoteSquare, message: expect.stringMatching(/cannot be checked/) as unknown });
    await s.close();
    s = await setup({}, { intercept: noSource(T.storyPromo) });
    await expect(s.renders.create({ tags: ['promo'], modifications: { Headline: 'x' } })).rejects.toBeInstanceOf(TemplateNotCheckableError);
    expect(s.requests.filter((r) => r.startsWith('POST'))).toEqual([]);
    expect(s.stored()).toEqual([]);
  });

  it('checks every seed template modification the emulator then applies', async () => {
    const mods: Record<string, Record<string, unknown>> = {
      [T.storyPromo]: { Headline: 'A', 'Background-Video': 'https://x.test/v.mp4', website: 'x.test', 'Outro-Backdrop.fill_color': '#000' },
      [T.productCard]: { 'Product-Name': 'B', 'Product-Image': 'https://x.test/p.jpg', 'Badge-Text': 'SALE', price: '$5' },
      [T.quoteSquare]: { Quote: 'C', author: 'D', Photo: 'https://x.test/q.jpg' },
      [T.digestGif]: { topic: 'E', 'Issue-Number': 3, 'Footer.y': '80%' },
      [T.alwaysFails]: { Message: 'F', '__fail__.fill_color': '#00ff00' },
    };
    for (const [template_id, modifications] of Object.entries(mods)) {
      const [render] = await s.renders.create({ template_id, modifications });
      expect(render!.modifications).toEqual(modifications);
    }
  });
});
