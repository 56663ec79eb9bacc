import { describe, expect, test } from 'vitest';
import pngjs from 'pngjs';
import jpeg from 'jpeg-js';
import { createFile, MP4BoxBuffer, type Movie } from 'mp4box';
import { operationSchemas as cmOps } from '@reelkit/core/creatomate';
import { operationSchemas as cfOps } from '@reelkit/core/creatify';
import { CREATIFY_TEMPLATE_IDS, CREATOMATE_TEMPLATE_IDS as T, type Emulator } from '../src/index.js';
import { encodeMp4 } from '../src/mp4.js';
import { paint, type FileSpec, type Rgb } from '../src/outputs.js';
import { cf, cm, emulator, testimonialVariables } from './helpers.js';

const flat = (width: number, height: number, background: Rgb): FileSpec => ({ format: 'mp4', width, height, background, layers: [] });

function mp4Info(bytes: Uint8Array): Movie {
  const file = createFile();
  let info: Movie | undefined;
  let error: string | undefined;
  file.onReady = (i) => (info = i);
  file.onError = (_m, message) => (error = message);
  const buf = MP4BoxBuffer.fromArrayBuffer(bytes.slice().buffer, 0);
  file.appendBuffer(buf);
  file.flush();
  if (!info) throw new Error(`not a readable MP4: ${error ?? 'no moov'}`);
  return info;
}

/** GIF logical screen size and frame count (image descriptors). */
function gifInfo(b: Uint8Array) {
  expect(new TextDecoder().decode(b.subarray(0, 6))).toBe('GIF89a');
  let frames = 0;
  for (let i = 0; i < b.length - 9; i++) if (b[i] === 0x21 && b[i + 1] === 0xf9 && b[i + 2] === 4) frames++;
  return { width: b[6]! | (b[7]! << 8), height: b[8]! | (b[9]! << 8), frames };
}

async function finishedRender(emu: Emulator, body: object) {
  const [r] = cmOps.createRender.response.parse((await cm(emu, 'POST', '/renders', body)).body);
  emu.clock.advance(120_000);
  return cmOps.getRender.response.parse((await cm(emu, 'GET', `/renders/${r!.id}`)).body);
}

async function download(url: string) {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
  return { bytes, type: res.headers.get('content-type') };
}

describe('render output files', () => {
  test('png: decodes to the template size; file_size is the byte count', async () => {
    const emu = await emulator();
    const r = await finishedRender(emu, { template_id: T.productCard });
    const { bytes, type } = await download(r.url!);
    expect(type).toBe('image/png');
    expect(r.file_size).toBe(bytes.length);
    const png = pngjs.PNG.sync.read(Buffer.from(bytes));
    expect([png.width, png.height]).toEqual([1200, 628]);
    // Background is the template's first shape colour (#f4f1ea).
    expect([...png.data.subarray(0, 3)]).toEqual([0xf4, 0xf1, 0xea]);
  });

  test('stills show the text after modifications', async () => {
    const emu = await emulator();
    const inkPixels = async (modifications: Record<string, string>) => {
      const r = await finishedRender(emu, { template_id: T.productCard, modifications });
      const png = pngjs.PNG.sync.read(Buffer.from((await download(r.url!)).bytes));
      let ink = 0;
      for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === 20 && png.data[i + 1] === 20 && png.data[i + 2] === 20) ink++;
      return ink;
    };
    const short = await inkPixels({ 'Product-Name': 'X', price: '1', 'Badge-Text': 'A' });
    const long = await inkPixels({ 'Product-Name': 'A much longer product name', price: '$1,299.00', 'Badge-Text': 'SALE' });
    expect(short).toBeGreaterThan(200); // the product name 'X' in the default (contrasting) ink
    expect(long).not.toBe(short);
  });

  test('jpg: decodes to the size after max_width', async () => {
    const emu = await emulator();
    const r = await finishedRender(emu, { template_id: T.quoteSquare, max_width: 500 });
    const { bytes, type } = await download(r.url!);
    expect(type).toBe('image/jpeg');
    expect(r.file_size).toBe(bytes.length);
    const img = jpeg.decode(bytes);
    expect([img.width, img.height]).toEqual([500, 500]);
  });

  test('gif: the size after render_scale, animated, and the output_format override is honoured', async () => {
    const emu = await emulator();
    const r = await finishedRender(emu, { template_id: T.digestGif, render_scale: 0.5 });
    const { bytes, type } = await download(r.url!);
    expect(type).toBe('image/gif');
    expect(r.file_size).toBe(bytes.length);
    expect(gifInfo(bytes)).toMatchObject({ width: 300, height: 200, frames: 40 });
    const asPng = await finishedRender(emu, { template_id: T.digestGif, output_format: 'png' });
    expect(asPng.url).toMatch(/\.png$/);
    expect((await download(asPng.url!)).type).toBe('image/png');
  });

  test('mp4: an H.264 track with the render size, frame rate and duration; snapshot when snapshot_time is set', async () => {
    const emu = await emulator();
    const r = await finishedRender(emu, { template_id: T.storyPromo, modifications: { snapshot_time: 2 }, max_height: 640 });
    const { bytes, type } = await download(r.url!);
    expect(type).toBe('video/mp4');
    expect(r.file_size).toBe(bytes.length);
    const info = mp4Info(bytes);
    const track = info.videoTracks[0]!;
    expect(track.codec).toMatch(/^avc1\.42/);
    expect([track.video!.width, track.video!.height]).toEqual([360, 640]);
    expect([track.track_width, track.track_height]).toEqual([360, 640]);
    expect(track.nb_samples).toBe(12 * 30);
    expect(info.duration / info.timescale).toBeCloseTo(12, 3);
    const snap = await download(r.snapshot_url!);
    expect(snap.type).toBe('image/jpeg');
    expect(jpeg.decode(snap.bytes)).toMatchObject({ width: 360, height: 640 });
  });

  test('an unknown or unfinished file is a 404', async () => {
    const emu = await emulator();
    expect((await fetch(`${emu.url}/__emulator/files/renders/00000000-0000-4000-8000-000000000000.png`)).status).toBe(404);
  });
});

test('Creatify video_output and preview serve MP4s of the template aspect ratio', async () => {
  const emu = await emulator();
  const created = cfOps.custom_template_jobs_preview_create.response.parse(
    (await cf(emu, 'POST', '/api/custom_template_jobs/preview/', { template_id: CREATIFY_TEMPLATE_IDS.testimonial, variables: testimonialVariables })).body,
  );
  const preview = mp4Info((await download(`${emu.url}/__emulator/files/jobs/${created.id}/preview.mp4`)).bytes).videoTracks[0]!;
  expect([preview.video!.width, preview.video!.height]).toEqual([360, 360]);
  await cf(emu, 'POST', `/api/custom_template_jobs/${created.id}/render/`, {});
  emu.clock.advance(120_000);
  const done = cfOps.custom_template_jobs_retrieve.response.parse((await cf(emu, 'GET', `/api/custom_template_jobs/${created.id}/`)).body);
  const { bytes, type } = await download(done.video_output!);
  expect(type).toBe('video/mp4');
  const info = mp4Info(bytes);
  expect([info.videoTracks[0]!.video!.width, info.videoTracks[0]!.video!.height]).toEqual([720, 720]);
  expect(Math.round(info.duration / info.timescale)).toBe(done.duration);
});

test('encodeMp4 writes even-sized, cropped streams for sizes that are not multiples of 16', () => {
  const info = mp4Info(encodeMp4({ width: 202, height: 98, fps: 24, duration: 1, picture: () => paint(flat(202, 98, [1, 2, 3]), 0) }));
  expect([info.videoTracks[0]!.video!.width, info.videoTracks[0]!.video!.height]).toEqual([202, 98]);
  expect(info.videoTracks[0]!.nb_samples).toBe(24);
});

test('encodeMp4 writes an hour-long video (one sample size per frame) without overflowing the stack', () => {
  const info = mp4Info(encodeMp4({ width: 64, height: 36, fps: 30, duration: 3600, picture: (t) => paint(flat(64, 36, [9, 9, t % 255]), 0) }));
  expect(info.tracks[0]!.nb_samples).toBe(108_000);
  expect(info.duration / info.timescale).toBeCloseTo(3600, 0);
});
