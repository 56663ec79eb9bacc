// What the HTTP layer's parts share: the emulator's components, Hono's env, and the vendor-shaped
// replies every part sends (not found, JSON error bodies).
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Engine } from '../engine.js';
import { creatifyDetail, creatomateError, type ErrorReply, type Vendor } from '../errors.js';
import type { Faults, FaultState } from '../faults.js';
import type { SlidingWindowLimiter } from '../ratelimit.js';
import type { Webhooks } from '../webhooks.js';

export type Env = { Bindings: HttpBindings; Variables: { account: string; label: string } };

/** One operation of either spec, as the generated operation table describes it. */
export type AnyOp = {
  operationId: string;
  method: string;
  path: string;
  successStatus: number;
  bodyRequired: boolean;
  body: z.ZodType | undefined;
  path_params: z.ZodType | undefined;
  query: z.ZodObject | undefined;
  response: z.ZodType;
};

/** The stateful components one emulator is made of, built once from its options. */
export interface EmulatorParts {
  clock: Clock;
  webhooks: Webhooks;
  engine: Engine;
  faults: Faults;
  /** The faults of the start options, which reset() goes back to. */
  initialFaults: FaultState[];
  limiter: SlidingWindowLimiter | undefined;
  /** Accepted keys; undefined accepts any non-empty key. */
  keys: ReadonlySet<string> | undefined;
  validateResponses: boolean;
  maxBody: (vendor: Vendor) => number;
}

export const send = (c: Context, reply: ErrorReply) => c.json(reply.body as object, reply.status);

export const vendorOf = (path: string): Vendor | undefined =>
  path === '/v1' || path.startsWith('/v1/') ? 'creatomate' : path.startsWith('/api/') ? 'creatify' : undefined;

export const notFound = (vendor: Vendor | undefined): ErrorReply =>
  vendor === 'creatify' ? creatifyDetail(404, 'Not found.', 'not_found') : creatomateError(404, 'The requested resource was not found.');

export const isError = (x: unknown): x is ErrorReply => typeof x === 'object' && x !== null && 'status' in x && 'body' in x && !('id' in x);
