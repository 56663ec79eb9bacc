// Everything a client throws is a ReelkitError: branch on the classes you can act on.
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  createCreatifyClient,
  InsufficientCreditsError,
  NotFoundError,
  RateLimitError,
  ReelkitError,
  RequestValidationError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  type creatify,
} from '@reelkit/core';

/** What to do about a failed call. */
export function advice(err: unknown): string {
  if (!(err instanceof ReelkitError)) return `not a reelkit error: ${String(err)}`;
  if (err instanceof RequestValidationError) return `fix the request (nothing was sent): ${err.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`;
  if (err instanceof AuthenticationError) return 'check the API key';
  if (err instanceof InsufficientCreditsError) return 'buy credits';
  if (err instanceof NotFoundError) return `no such resource: ${err.path}`;
  if (err instanceof RateLimitError) return `slow down (the server asked for ${err.retryAfterMs ?? 'an unknown number of'} ms)`;
  if (err instanceof BadRequestError) return `fix the request: ${err.hint ?? err.message}`;
  if (err instanceof AbortError) return err.maybeSubmitted ? 'cancelled after sending: look before you resubmit' : 'cancelled';
  // The server may have started the work: a second POST could be a second bill.
  const unknownOutcome = err instanceof ServerError || err instanceof ConnectionError || err instanceof TimeoutError || err instanceof ResponseValidationError;
  if (unknownOutcome && err.maybeSubmitted) return 'look before you resubmit';
  if (unknownOutcome) return 'try again later';
  if (err instanceof ApiError) return `HTTP ${err.status}: ${err.hint ?? err.message}`;
  return err.message;
}

export async function main(input: creatify.components['schemas']['CustomTemplateJobInput']) {
  const cf = createCreatifyClient();
  try {
    const job = await cf.POST('/api/custom_template_jobs/', { body: input });
    return { job, advice: null };
  } catch (err) {
    console.error(String(err));
    return { job: null, advice: advice(err) };
  }
}
