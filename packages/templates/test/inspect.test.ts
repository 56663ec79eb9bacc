import { describe, expect, it } from 'vitest';
import { CREATOMATE_TEMPLATE_IDS, creatomateTemplates } from '@reelkit/emulator/fixtures';
import { inspectTemplate } from '../src/index.js';

const source = (id: string) => creatomateTemplates.find((t) => t.id === id)!.source!;

describe('inspectTemplate', () => {
  it('lists every named element with type, dynamic flag, main property and placeholders', () => {
    const info = inspectTemplate(source(CREATOMATE_TEMPLATE_IDS.storyPromo));
    expect(info.properties).toEqual({ output_format: 'mp4', width: 1080, height: 1920, frame_rate: 30, duration: 12 });
    const byName = Object.fromEntries(info.elements.map((el) => [el.name ?? '', el] as const));
    expect(Object.keys(byName)).toEqual([
      'Background-Video', 'Headline', 'Subtitles', 'Logo', 'Music', 'Outro', 'Outro-Backdrop', 'Call-To-Action', 'Outro-Logo',
    ]);
    expect(byName['Background-Video']).toMatchObject({
      type: 'video', id: '0f1e2d3c-4b5a-4697-8877-665544332211', dynamic: true, mainProperty: 'source',
      value: 'https://cdn.example.com/stock/city-night.mp4', path: [],
    });
    expect(byName.Headline).toMatchObject({ type: 'text', mainProperty: 'text', value: '{{headline}}', placeholders: ['headline'] });
    expect(byName.Subtitles).toMatchObject({ dynamic: false });
    expect(byName.Outro).toMatchObject({ type: 'composition', mainProperty: null, path: [] });
    expect(byName['Call-To-Action']).toMatchObject({ path: ['Outro'], placeholders: ['website'], dynamic: true });
    expect(info.placeholders).toEqual([
      { name: 'headline', elements: ['Headline'] },
      { name: 'website', elements: ['Call-To-Action'] },
    ]);
  });

  it('gives the composition path of deeply nested elements', () => {
    const info = inspectTemplate(source(CREATOMATE_TEMPLATE_IDS.digestGif));
    expect(info.elements.find((el) => el.name === 'Issue-Number')).toMatchObject({ path: ['Frame', 'Footer'], placeholders: ['issue'] });
  });

  it('reports visible and locked flags', () => {
    const info = inspectTemplate(source(CREATOMATE_TEMPLATE_IDS.productCard));
    expect(info.elements.find((el) => el.name === 'Disclaimer')).toMatchObject({ visible: false, locked: false });
    expect(info.elements.find((el) => el.name === 'Background')).toMatchObject({ locked: true, visible: true });
  });

  it('leaves out unnamed elements but keeps their placeholders', () => {
    const info = inspectTemplate({ elements: [{ type: 'text', text: 'Hi {{ first_name }}, {{city}}' }, { type: 'image', id: 'img-1', source: 'https://x.test/a.png' }] });
    expect(info.elements.map((el) => el.id)).toEqual(['img-1']);
    expect(info.placeholders).toEqual([{ name: 'first_name', elements: [null] }, { name: 'city', elements: [null] }]);
  });
});
