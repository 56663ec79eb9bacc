// The README's examples are the files in examples/, run here as a reader would run them.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main as badField } from '../examples/bad-field.js';
import { main as renderOverHttp } from '../examples/render-over-http.js';
import { SERVICE_ENV } from '../src/server/start.js';
import './helpers.js'; // the page must be built

const env = { ...process.env };
beforeAll(() => {
  for (const name of SERVICE_ENV) delete process.env[name];
  process.env.REELKIT_LOG = 'off';
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterAll(() => {
  process.env = env;
  vi.restoreAllMocks();
});

describe('examples', () => {
  it('render-over-http renders the product card through the demo server', async () => {
    const render = await renderOverHttp();
    expect(render).toMatchObject({ status: 'succeeded', width: 1200, height: 628 });
    expect(render.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/__emulator\/files\/renders\/.+\.png$/);
  });

  it('bad-field gets 422 with the field, the reason and what to do', async () => {
    const { status, error } = await badField();
    expect(status).toBe(422);
    expect(error.problems).toEqual([{ key: 'Product-Image', message: expect.stringContaining('expects a URL') as unknown }]);
    expect(error.action).toBe('Fix the fields marked below; nothing was submitted.');
  });

  it.each(['render-over-http.ts', 'bad-field.ts'])('README shows examples/%s verbatim', (file) => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(readFileSync(new URL(`../examples/${file}`, import.meta.url), 'utf8').trim());
  });
});
