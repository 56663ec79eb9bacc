import { afterEach } from 'vitest';
import { createCreatifyClient } from '@reelkit/core';
import { startEmulator, type Emulator } from '@reelkit/emulator';
import { CREATIFY_TEMPLATE_IDS, creatifyTemplates, type CreatifySeedTemplate } from '@reelkit/emulator/fixtures';
import { createCreatify, vars, type Creatify, type JobInput, type TemplateVariable } from '../src/index.js';

const { audio, avatar, image, text, variable, video, voiceover } = vars;

export const CREDS = { apiId: 'test-api-id', apiKey: 'test-api-key' };

export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
}

export interface Harness {
  emu: Emulator;
  creatify: Creatify;
  /** Every request the client sent, in order. */
  sent: SentRequest[];
  /** An onProgress that moves the manual clock one emulated second per poll. */
  tick: () => void;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

/** An emulator on a free port with the manual clock, and a Creatify SDK on it that records requests. */
export async function harness(options: { maxRetries?: number } = {}): Promise<Harness> {
  const emu = await startEmulator({ port: 0, clock: 'manual', webhooks: { retries: 0 } });
  cleanups.push(() => emu.close());
  const sent: SentRequest[] = [];
  const client = createCreatifyClient({
    ...CREDS,
    baseUrl: emu.creatifyUrl,
    maxRetries: options.maxRetries ?? 0,
    logLevel: 'off',
    fetch: (input, init) => {
      sent.push({ method: init.method ?? 'GET', url: input, headers: new Headers(init.headers) });
      return fetch(input, init);
    },
  });
  // Polls back to back: time moves only when a test advances the emulator clock.
  const creatify = createCreatify(client, { interval: { initialMs: 1, maxMs: 1, factor: 1 } });
  return { emu, creatify, sent, tick: () => emu.clock.advance(1000) };
}

export function seedTemplate(id: string): CreatifySeedTemplate {
  const template = creatifyTemplates.find((t) => t.template_id === id);
  if (!template) throw new Error(`no seed template ${id}`);
  return template;
}

export const testimonial = seedTemplate(CREATIFY_TEMPLATE_IDS.testimonial);

/** A valid Customer Testimonial job; `quote` can carry the emulator's `__fail__`/`__reject__` markers. */
export function testimonialJob(quote = 'It just works.', extra: Partial<JobInput> = {}): JobInput {
  return {
    template_id: CREATIFY_TEMPLATE_IDS.testimonial,
    variables: {
      quote: text(quote),
      customer_name: text('Ada'),
      spokesperson: avatar('7d2f0c1e-5a4b-4c3d-9e8f-0a1b2c3d4e5f'),
      voice: voiceover('8e3a1d2f-6b5c-4d4e-8f9a-1b2c3d4e5f6a'),
    },
    ...extra,
  };
}

/** A valid value for a variable of `kind` (any kind a template may define). */
export function sampleVariable(kind: string): TemplateVariable {
  switch (kind) {
    case 'text': return text('sample');
    case 'image': return image('https://cdn.example.com/a.png');
    case 'video': return video('https://cdn.example.com/a.mp4');
    case 'audio': return audio('https://cdn.example.com/a.mp3');
    case 'avatar': return avatar('7d2f0c1e-5a4b-4c3d-9e8f-0a1b2c3d4e5f');
    case 'voiceover': return voiceover('8e3a1d2f-6b5c-4d4e-8f9a-1b2c3d4e5f6a');
    default: return variable(kind, {});
  }
}

/** Every job the emulator holds, across accounts. */
export function emulatorJobs(emu: Emulator) {
  return emu.state().accounts.flatMap((a) => a.jobs);
}
