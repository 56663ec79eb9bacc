// The page in a real browser: Debian's Chromium driven by playwright-core, against the demo server
// and its embedded emulator. Each step leaves a screenshot in test-output/ (git-ignored).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createCreatomateClient } from '@reelkit/core';
import { CREATOMATE_TEMPLATE_IDS as T } from '@reelkit/emulator';
import { createRenders } from '@reelkit/renders';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY, start, type Started } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OUT = new URL('../test-output/', import.meta.url).pathname;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let demo: Started;
let browser: Browser;
let page: Page;
/** Every request the page made, as sent (URL, headers, body). */
const requests: string[] = [];
let step = 0;

async function shot(name: string, target: Page = page): Promise<void> {
  step += 1;
  await target.screenshot({ path: `${OUT}${String(step).padStart(2, '0')}-${name}.png`, fullPage: true });
}

/** axe-core inside the page: the serious and critical violations (expected none). */
async function axeViolations(target: Page = page): Promise<string[]> {
  await target.addScriptTag({ content: AXE });
  const found = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, where: JSON.stringify(v.nodes.map((n) => n.target)) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id} at ${v.where}`);
}

/** Presses Tab until the focused element matches `selector` and contains `text` (the keyboard path, as a person takes it). */
async function tabTo(selector: string, text = '', max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(([s, t]) => (document.activeElement?.matches(s!) ?? false) && (document.activeElement?.textContent ?? '').includes(t!), [selector, text]);
    if (found) return;
  }
  throw new Error(`Tab never reached ${selector} ${text}`);
}

const focusOutline = () => page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
const emulatorRenderCount = async () => (await createRenders(createCreatomateClient({ apiKey: KEY, baseUrl: demo.emulator!.creatomateUrl })).list({ limit: 100 })).length;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true }); // only this run's screenshots
  mkdirSync(OUT, { recursive: true });
  demo = await start();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (request) => {
    requests.push([request.url(), JSON.stringify(request.headers()), request.postData() ?? ''].join('\n'));
  });
});
let closed = false;
/** Stops the demo once (a test stops it early to see the banner). */
async function closeDemo(): Promise<void> {
  if (closed || !demo) return;
  closed = true;
  await demo.close();
}
afterAll(async () => {
  await browser?.close();
  await closeDemo();
});

describe('the demo page in Chromium', () => {
  it('shows the gallery with no serious accessibility problem', async () => {
    await page.goto(demo.url);
    await page.getByRole('button', { name: /Product Card/ }).waitFor();
    await page.getByText('Running against the embedded emulator').waitFor();
    await shot('gallery');
    expect(await axeViolations()).toEqual([]);
  });

  it('renders a template from the keyboard: pick, change a text, render, see the image at the template size', async () => {
    await tabTo('button.card', 'Product Card');
    expect(await focusOutline()).not.toBe('none'); // visible focus
    await page.keyboard.press('Enter');
    await page.getByLabel('Product-Name', { exact: false }).first().waitFor();
    await tabTo('#mod-Product-Name');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Trail Runner 5');
    await shot('form');
    expect(await axeViolations()).toEqual([]);
    await tabTo('button[type="submit"]');
    await page.keyboard.press('Enter');
    const image = page.getByRole('img', { name: 'Rendered Product Card' });
    await image.waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>('.output img')?.complete === true);
    const size = await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect(size).toEqual([1200, 628]);
    await expect(page.getByRole('link', { name: /Download PNG/ }).count()).resolves.toBe(1);
    await shot('render-succeeded');
    const [render] = await createRenders(createCreatomateClient({ apiKey: KEY, baseUrl: demo.emulator!.creatomateUrl })).list({ limit: 1 });
    expect(render?.modifications).toEqual({ 'Product-Name': 'Trail Runner 5' });
  });

  it('marks a bad URL before submitting, and submits nothing', async () => {
    const before = await emulatorRenderCount();
    await page.locator('#mod-Product-Image').fill('not a url');
    await expect(page.locator('#mod-Product-Image-problem').textContent({ timeout: 5000 })).resolves.toMatch(/expects a URL/);
    await page.getByRole('button', { name: 'Render' }).click();
    await page.getByText('nothing was submitted').waitFor();
    await shot('invalid-url');
    expect(await emulatorRenderCount()).toBe(before);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mod-Product-Image');
  });

  it('keeps the history across a reload', async () => {
    await page.goto(`${demo.url}/#history`);
    await page.reload();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    // The list is fetched after the page renders: wait for the entry rather than counting at once.
    const entry = page.locator('.history li').filter({ hasText: 'succeeded' }).filter({ hasText: 'Product Card' });
    await entry.first().waitFor({ timeout: 10_000 });
    await expect(entry.count()).resolves.toBeGreaterThan(0);
    await shot('history-after-reload');
    expect(await axeViolations()).toEqual([]);
  });

  it('runs a batch of 5 with one failing item: 4 succeeded, 1 failed with its reason', async () => {
    await page.goto(`${demo.url}/#batch`);
    await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Quote Square' });
    const csv = ['quote,author,template_id', 'One,Ada,', 'Two,Grace,', 'Three,Alan,', 'Four,Edsger,', `,,${T.alwaysFails}`].join('\n');
    await page.getByRole('textbox', { name: /CSV rows/ }).fill(csv);
    await page.getByRole('button', { name: 'Render all' }).click();
    const summary = page.getByRole('status');
    await summary.filter({ hasText: 'Done' }).waitFor({ timeout: 20_000 });
    await expect(summary.textContent()).resolves.toContain('4 succeeded, 1 failed');
    await expect(page.locator('tr[data-status="failed"]').textContent()).resolves.toContain('__fail__');
    await expect(page.locator('tr[data-status="succeeded"]').count()).resolves.toBe(4);
    await shot('batch-summary');
    expect(await axeViolations()).toEqual([]);
  });

  it('runs the Creatify flow: variables, estimate, preview, approve, render, video', async () => {
    await page.goto(`${demo.url}/#creatify`);
    await page.getByRole('button', { name: /Product Showcase/ }).click();
    await page.getByLabel(/^product_name/).fill('Desk Lamp');
    await page.getByLabel(/^product_image/).fill('https://cdn.example.com/lamp.jpg');
    await page.getByText(/Estimate: preview 1 credit, then render 4/).waitFor();
    await page.getByText(/Assumed: 2 spoken words/).waitFor();
    await shot('creatify-form');
    expect(await axeViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Preview' }).click();
    const approve = page.getByRole('button', { name: /Approve and render/ });
    await approve.waitFor({ timeout: 15_000 });
    await shot('creatify-preview');
    await approve.click();
    const video = page.getByLabel('Rendered video');
    await video.waitFor({ timeout: 15_000 });
    expect(await video.getAttribute('src')).toMatch(new RegExp(`^${demo.emulator!.url}/__emulator/files/jobs/`));
    await shot('creatify-video');
  });

  it('works at 375 px wide without sideways scrolling', async () => {
    const narrow = await browser.newPage({ viewport: { width: 375, height: 812 } });
    narrow.on('request', (request) => requests.push([request.url(), JSON.stringify(request.headers()), request.postData() ?? ''].join('\n')));
    try {
      await narrow.goto(demo.url);
      await narrow.getByRole('button', { name: /Story Promo/ }).waitFor();
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await shot('narrow-gallery', narrow);
      await narrow.getByRole('button', { name: /Story Promo/ }).click();
      await narrow.locator('#mod-Background-Video').waitFor();
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await shot('narrow-form', narrow);
      expect(await axeViolations(narrow)).toEqual([]);
    } finally {
      await narrow.close();
    }
  });

  it('says what to do when the emulator is down, and shows a banner when the demo server is', async () => {
    await demo.emulator!.close();
    await page.goto(demo.url);
    await page.getByText(/Cannot reach Creatomate/).waitFor();
    await expect(page.getByRole('alert').filter({ hasText: 'Cannot reach Creatomate' }).textContent()).resolves.toMatch(/Check that the service \(or the emulator\) is running/);
    await shot('emulator-down');
    await closeDemo();
    await page.getByText(/Lost the connection to the demo server/).waitFor();
    await shot('server-down-banner');
  });

  it('never sent the API key in any request from the page', () => {
    expect(requests.length).toBeGreaterThan(20);
    for (const request of requests) expect(request).not.toContain(KEY);
  });
});
