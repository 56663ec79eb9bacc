// Checking a success body against the spec: strict (any mismatch is an error) or tolerant (new values,
// formats and fields are drift, logged once). Loaded by a dynamic import together with the response
// schemas, so a client with `validate: { response: 'off' }` (a browser bundle) carries neither.
import type { ZodType } from 'zod';
import { responseError, type DecodeContext, type Exchange } from './decode.js';
import { checkTolerant, firstSighting } from './drift.js';
import { check } from './validation.js';

export function checkBody(x: Exchange, ctx: DecodeContext, schema: ZodType, data: unknown): void {
  if (ctx.mode === 'strict') {
    const issues = check(schema, data, '');
    if (issues.length) throw responseError(x, ctx, 'does not match the spec', issues, data);
    return;
  }
  const { errors, drift } = checkTolerant(schema, data);
  if (errors.length) throw responseError(x, ctx, 'does not match the spec', errors, data);
  for (const issue of drift) {
    const path = firstSighting(ctx.scope, issue);
    if (path !== undefined) ctx.log.log('warn', `${x.method} ${x.path} response drift at ${path}: ${issue.message}; passed through (reported once)`, { path, scope: ctx.scope });
  }
}
