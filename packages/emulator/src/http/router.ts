// From an operation of the generated table to a Hono route: its chain, its input parsed and
// validated with the spec's zod schemas (the vendor's error when that fails), and its success
// body checked against the spec before it is sent.
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { Engine } from '../engine.js';
import { creatifyValidation, creatomateError, creatomateHint, drfErrors, type ErrorReply, type Vendor } from '../errors.js';
import { MAX_JSON_DEPTH, jsonDepthExceeds } from '../limits.js';
import type { RouteChain } from './middleware.js';
import { isError, notFound, send, type AnyOp, type Env } from './parts.js';

export type RouteInput = { path: Record<string, string>; query: Record<string, unknown>; body: unknown };
export type RouteHandler = (c: Context<Env>, input: RouteInput) => Response;
/** Registers `handler` for `op` under the vendor's prefix. */
export type Route = (vendor: Vendor, op: AnyOp, handler: RouteHandler) => void;
/** Sends a success body of `op`. */
export type Ok = (c: Context, op: AnyOp, body: unknown) => Response;

/** Query strings carry text; numbers in the schema are coerced field by field. */
function coerceQuery(schema: z.ZodObject, raw: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, raw);
  for (const [key, value] of Object.entries(raw)) {
    const field = Object.hasOwn(schema.shape, key) ? schema.shape[key] as z.ZodType : undefined;
    if (field && !field.safeParse(value).success && value.trim() !== '' && field.safeParse(Number(value)).success) out[key] = Number(value);
  }
  return out;
}

function parseQuery(c: Context<Env>, schema: z.ZodObject, vendor: Vendor): Record<string, unknown> | ErrorReply {
  const r = schema.safeParse(coerceQuery(schema, c.req.query()));
  if (r.success) return r.data;
  return vendor === 'creatify' ? creatifyValidation(drfErrors(r.error)) : creatomateError(400, creatomateHint(r.error, 'query'));
}

/** The body as JSON, bounded in depth; an empty body is {} (DRF's reading) except a required one at Creatomate. */
function readJsonBody(text: string, op: AnyOp, vendor: Vendor): { value: unknown } | ErrorReply {
  if (jsonDepthExceeds(text)) {
    const why = `The request body is nested more than ${MAX_JSON_DEPTH} levels deep (the emulator's limit).`;
    return vendor === 'creatify' ? creatifyValidation({ detail: why }) : creatomateError(400, why);
  }
  if (text.trim() === '') {
    // DRF reads an empty body as {} (so required fields are reported); Creatomate says so plainly.
    if (op.bodyRequired && vendor === 'creatomate') return creatomateError(400, 'The request body is empty. Send a JSON object.');
    return { value: {} };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    const why = (err as Error).message;
    return vendor === 'creatify' ? creatifyValidation({ detail: `JSON parse error - ${why}` }) : creatomateError(400, `The request body is not valid JSON: ${why}`);
  }
}

function parseBody(body: unknown, schema: z.ZodType, vendor: Vendor): { value: unknown } | ErrorReply {
  const r = schema.safeParse(body);
  if (r.success) return { value: r.data };
  if (vendor === 'creatomate') return creatomateError(400, creatomateHint(r.error, 'request body'));
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  return creatifyValidation(isObject ? drfErrors(r.error) : { non_field_errors: ['Invalid data. Expected a dictionary, but got ' + (Array.isArray(body) ? 'list' : typeof body) + '.'] });
}

/** Parses path, query and body of `op`; the vendor's error reply when they fail. */
async function parseInput(c: Context<Env>, op: AnyOp, vendor: Vendor): Promise<RouteInput | ErrorReply> {
  let path: Record<string, string> = {};
  if (op.path_params) {
    const r = op.path_params.safeParse(c.req.param());
    if (!r.success) return notFound(vendor);
    path = r.data as Record<string, string>;
  }
  let query: Record<string, unknown> = {};
  if (op.query) {
    const q = parseQuery(c, op.query, vendor);
    if (isError(q)) return q;
    query = q;
  }
  let body: unknown;
  if (op.body) {
    const json = readJsonBody(await c.req.text(), op, vendor);
    if (isError(json)) return json;
    const parsed = parseBody(json.value, op.body, vendor);
    if (isError(parsed)) return parsed;
    body = parsed.value;
  }
  return { path, query, body };
}

/** Checks every success body against the operation's response schema first (when asked): the emulator never sends a body the spec forbids. */
export function okSender(validateResponses: boolean): Ok {
  return (c, op, body) => {
    if (validateResponses) {
      const r = op.response.safeParse(body);
      if (!r.success) {
        console.error(`[emulator] ${op.operationId} built a response that breaks the spec:`, r.error.issues);
        return c.json({ error: 'emulator response failed spec validation', operationId: op.operationId, issues: r.error.issues }, 500);
      }
    }
    return c.json(body as object, op.successStatus as 200);
  };
}

export function router(app: Hono<Env>, engine: Engine, chain: RouteChain): Route {
  return (vendor, op, handler) => {
    const honoPath = (vendor === 'creatomate' ? '/v1' : '') + op.path.replace(/\{(\w+)\}/g, ':$1');
    const [auth, fault] = chain(op, vendor);
    app.on(op.method, honoPath, auth, fault, async (c) => {
      await engine.settle();
      const input = await parseInput(c, op, vendor);
      if (isError(input)) return send(c, input);
      return handler(c, input);
    });
  };
}
