// The page talks to the demo server only (same origin, no keys): JSON in, JSON out, and one SSE
// stream of events. A failed call throws ApiFailure carrying the server's actionable message.
import { useEffect, useRef } from 'react';
import type { DemoEvent, ErrorBody } from '../shared/api.js';

export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly action: string,
    readonly status: number,
    readonly problems: { key: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** The server did not answer at all. */
export class ServerDown extends ApiFailure {
  constructor() {
    super('The demo server is not answering.', 'Check that `pnpm demo` is still running, then reload the page.', 0);
  }
}

const isErrorBody = (v: unknown): v is ErrorBody =>
  typeof v === 'object' && v !== null && typeof (v as ErrorBody).error === 'object' && typeof (v as ErrorBody).error.message === 'string';

export async function api<T>(path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new ServerDown();
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isErrorBody(json)) throw new ApiFailure(json.error.message, json.error.action, response.status, json.error.problems);
    throw response.status >= 502 ? new ServerDown() : new ApiFailure(`The demo server answered ${response.status}.`, 'Reload the page and try again.', response.status);
  }
  return json as T;
}

/** A message for any error a call threw (never `[object Object]`). */
export const messageOf = (error: unknown): string => {
  if (!(error instanceof Error)) return 'Something went wrong.';
  if (!(error instanceof ApiFailure)) return error.message;
  return `${error.message}${/[.!?]$/.test(error.message) ? '' : '.'} ${error.action}`;
};

type Handler = (event: DemoEvent) => void;

/** Subscribes to the server's event stream; `onConnection` says whether it is up. */
export function useEvents(onEvent: Handler, onConnection: (up: boolean) => void): void {
  const handler = useRef(onEvent);
  const connection = useRef(onConnection);
  handler.current = onEvent;
  connection.current = onConnection;
  useEffect(() => {
    const source = new EventSource('/api/events');
    const receive = (e: MessageEvent<string>) => handler.current(JSON.parse(e.data) as DemoEvent);
    for (const type of ['render', 'batch', 'job'] as const) source.addEventListener(type, receive);
    source.addEventListener('hello', () => connection.current(true));
    source.onerror = () => connection.current(false);
    return () => source.close();
  }, []);
}
