import { afterEach } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../src/index.js';

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

/** An emulator on a free port with the manual clock, closed after the test. */
export async function emulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emu = await startEmulator({ port: 0, clock: 'manual', ...options });
  running.push(emu);
  return emu;
}

export const CM_KEY = 'test-creatomate-key';
export const CF = { id: 'test-api-id', key: 'test-api-key' };

export interface Call {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

async function call(url: string, init: RequestInit): Promise<Call> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** A Creatomate request (path relative to /v1) with a Bearer key. */
export function cm(emu: Emulator, method: string, path: string, body?: unknown, key: string | null = CM_KEY): Promise<Call> {
  const headers: Record<string, string> = {};
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return call(`${emu.creatomateUrl}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
}

/** A Creatify request (path from /api) with both key headers. */
export function cf(emu: Emulator, method: string, path: string, body?: unknown, creds: { id: string; key: string } | null = CF): Promise<Call> {
  const headers: Record<string, string> = {};
  if (creds) {
    headers['x-api-id'] = creds.id;
    headers['x-api-key'] = creds.key;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  return call(`${emu.creatifyUrl}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
}

/** Valid variables for the Customer Testimonial template. */
export const testimonialVariables = {
  quote: { type: 'text', properties: { content: 'It just works.' } },
  customer_name: { type: 'text', properties: { content: 'Ada' } },
  spokesperson: { type: 'avatar', properties: { avatar_id: 'persona-1' } },
  voice: { type: 'voiceover', properties: { voice_id: 'accent-1' } },
};
