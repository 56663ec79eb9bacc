import { randomUUID } from 'node:crypto';
import { createCreatomateClient } from '@reelkit/core';
import { startEmulator, type Emulator, type EmulatorOptions } from '@reelkit/emulator';
import { createRenders, type Renders, type RendersOptions } from '../src/index.js';

export interface Setup {
  emu: Emulator;
  renders: Renders;
  /** Every request the client sent: `METHOD /path?query`. */
  requests: string[];
  /** Every response status the client received. */
  statuses: number[];
  /** The emulator's renders for this setup's key. */
  stored(): { id: string; status: string; metadata?: string | null | undefined }[];
  close(): Promise<void>;
}

type ClientOptions = Omit<Parameters<typeof createCreatomateClient>[0] & object, 'apiKey' | 'baseUrl' | 'fetch'> & {
  /** Answers a request instead of the emulator when it returns a Response. */
  intercept?: (request: Request) => Response | undefined;
  /** Options of `createRenders`. */
  renders?: RendersOptions;
};

/** An in-process emulator on port 0 and a renders client with its own key, recording its traffic. */
export async function setup(options: EmulatorOptions = {}, { intercept, renders: rendersOptions, ...client }: ClientOptions = {}): Promise<Setup> {
  const emu = await startEmulator({ port: 0, clock: 'manual', rateLimit: false, seed: 1, ...options });
  const requests: string[] = [];
  const statuses: number[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    requests.push(`${request.method} ${url.pathname.replace(/^\/v1/, '')}${url.search}`);
    const response = intercept?.(request) ?? (await fetch(request));
    statuses.push(response.status);
    return response;
  };
  const apiKey = `test-${randomUUID()}`;
  const renders = createRenders(
    createCreatomateClient({ apiKey, baseUrl: emu.creatomateUrl, fetch: recordingFetch, rateLimit: false, ...client }),
    rendersOptions,
  );
  return {
    emu,
    renders,
    requests,
    statuses,
    stored: () => emu.state().accounts.flatMap((a) => a.renders),
    close: () => emu.close(),
  };
}
