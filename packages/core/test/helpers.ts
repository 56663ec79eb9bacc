// A tiny real HTTP server on 127.0.0.1:0 for transport tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../src/index.js';

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface TestServer {
  url: string;
  port: number;
  received: Received[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string, index: number) => unknown;

export async function startServer(handler: Handler, port = 0): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const index = received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }) - 1;
      void Promise.resolve(handler(req, res, body, index)).catch((err: unknown) => {
        res.statusCode = 599;
        res.end(String(err));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A logger that keeps every line (message + serialized fields) for assertions. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  };
  return { lines, debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') };
}

export const RENDER_ID = '6e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
export const TEMPLATE_ID = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';

export function render(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: RENDER_ID, status: 'succeeded', url: 'https://cdn.example.com/r.mp4', template_id: TEMPLATE_ID, ...overrides };
}

export const CREATIFY_JOB_ID = '1a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d';

export function creatifyJob(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: CREATIFY_JOB_ID,
    created_at: '2026-11-25T10:00:00Z',
    updated_at: '2026-11-25T10:00:00Z',
    variables: {},
    media_job: null,
    video_output: null,
    preview: null,
    editor_url: null,
    failed_reason: null,
    credits_used: 0,
    duration: 0,
    status: 'pending',
    progress: 0,
    ...overrides,
  };
}
