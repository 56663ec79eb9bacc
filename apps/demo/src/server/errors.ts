// Turns whatever a package threw into an answer a person can act on: the status, what went wrong
// and what to do. The vendor's own reason (hint) is passed on; a stack never is.
import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  InsufficientCreditsError,
  NotFoundError,
  RateLimitError,
  ReelkitError,
  RequestValidationError,
  TimeoutError,
} from '@reelkit/core';
import { VariablesError } from '@reelkit/creatify';
import { InvalidModificationsError, TemplateNotCheckableError } from '@reelkit/renders';
import type { ErrorBody } from '../shared/api.js';

export type ErrorStatus = 400 | 401 | 402 | 404 | 422 | 429 | 500 | 502 | 503 | 504;

export interface ErrorAnswer {
  status: ErrorStatus;
  body: ErrorBody;
}

/** A demo-level problem (bad input to the demo server itself), always a ReelkitError. */
export class DemoRequestError extends ReelkitError {
  override readonly name: string = 'DemoRequestError';
  constructor(
    message: string,
    readonly action: string,
    readonly status: ErrorStatus = 400,
  ) {
    super(message);
  }
}

const answer = (status: ErrorStatus, code: string, message: string, action: string, problems?: { key: string; message: string }[]): ErrorAnswer => ({
  status,
  body: { error: problems ? { code, message, action, problems } : { code, message, action } },
});

function apiErrorAnswer(error: ApiError, vendor: string): ErrorAnswer {
  const reason = error.hint ?? error.message;
  if (error instanceof AuthenticationError) return answer(502, 'vendor_auth', `${vendor} refused the API key: ${reason}`, `Check the ${vendor} key the demo server was started with.`);
  if (error instanceof InsufficientCreditsError) return answer(402, 'vendor_credits', `${vendor} says the account has no credits left: ${reason}`, `Add credits to the ${vendor} account, then try again.`);
  if (error instanceof NotFoundError) return answer(404, 'vendor_not_found', `${vendor} does not know it: ${reason}`, 'Reload the page: it may have been deleted.');
  if (error instanceof RateLimitError) return answer(429, 'vendor_rate_limit', `${vendor} asks to slow down: ${reason}`, 'Wait a few seconds, then try again.');
  if (error.status >= 500) return answer(502, 'vendor_down', `${vendor} answered ${error.status}: ${reason}`, 'The service has a problem: try again in a moment.');
  const problems = error.fieldErrors ? Object.entries(error.fieldErrors).map(([key, m]) => ({ key, message: m.join(' ') })) : undefined;
  return answer(400, 'vendor_refused', `${vendor} refused the request: ${reason}`, 'Fix what it names, then submit again.', problems);
}

/** The answer for `error`, thrown while talking to `vendor`. */
export function errorAnswer(error: unknown, vendor: 'Creatomate' | 'Creatify'): ErrorAnswer {
  if (error instanceof DemoRequestError) return answer(error.status, 'bad_request', error.message, error.action);
  if (error instanceof InvalidModificationsError) {
    return answer(422, 'invalid_modifications', 'Some fields do not fit the template.', 'Fix the fields marked below; nothing was submitted.',
      error.problems.map((p) => ({ key: p.key, message: p.message })));
  }
  if (error instanceof VariablesError) {
    return answer(422, 'invalid_variables', 'Some variables do not fit the template.', 'Fix the fields marked below; nothing was submitted or billed.',
      error.problems.map((p) => ({ key: p.name, message: p.message })));
  }
  if (error instanceof TemplateNotCheckableError) return answer(502, 'template_unchecked', error.message, 'The template came back without its source: try again, or pick another template.');
  if (error instanceof RequestValidationError) {
    return answer(400, 'invalid_request', error.message, 'Fix the fields marked below, then submit again.', error.issues.map((i) => ({ key: i.path, message: i.message })));
  }
  if (error instanceof ApiError) return apiErrorAnswer(error, vendor);
  if (error instanceof ConnectionError) return answer(503, 'vendor_unreachable', `Cannot reach ${vendor}: ${error.message}`, 'Check that the service (or the emulator) is running and the base URL is right.');
  if (error instanceof TimeoutError) return answer(504, 'vendor_timeout', `${vendor} did not answer in time.`, 'Try again; if it keeps happening, the service is overloaded.');
  if (error instanceof ReelkitError) return answer(500, 'reelkit', error.message, 'See the demo server log for details.');
  return answer(500, 'internal', 'The demo server hit an unexpected problem.', 'See the demo server log for details.');
}
