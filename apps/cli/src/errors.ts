// The CLI's own errors (all ReelkitError, like everything thrown) and how any error becomes an exit
// code and a message. Loaded only when something fails or a command runs: never for `--help`.
import {
  AbortError,
  AuthenticationError,
  isMaybeSubmitted,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ReelkitError,
  RequestValidationError,
  type ValidationIssue,
} from '@reelkit/core';
import { EXIT } from './exit-codes.js';

/** A bad argument, option or input file: nothing was sent. Exit 2. */
export class UsageError extends ReelkitError {
  override readonly name: string = 'UsageError';
  readonly issues: ValidationIssue[];
  constructor(message: string, issues: ValidationIssue[] = []) {
    super(message);
    this.issues = issues;
  }
}

/** No credentials for a vendor. Exit 3. */
export class MissingCredentialsError extends ReelkitError {
  override readonly name: string = 'MissingCredentialsError';
}

/** A render or job ended failed (or a batch had failures). Exit 1. */
export class RemoteFailureError extends ReelkitError {
  override readonly name: string = 'RemoteFailureError';
}

/** The user declined, or a non-interactive run refused, a paid request above the limit. Exit 2. */
export class NotConfirmedError extends ReelkitError {
  override readonly name: string = 'NotConfirmedError';
}

/** Set by a command that reports its own outcome (e.g. a batch summary) and only needs an exit code. */
export class ExitWith extends ReelkitError {
  override readonly name: string = 'ExitWith';
  constructor(readonly exitCode: number, message: string) {
    super(message);
  }
}

const USAGE_NAMES = new Set(['InvalidModificationsError', 'VariablesError', 'JobInputError', 'TemplateNotCheckableError', 'WebhookPayloadError']);
const FAILURE_NAMES = new Set(['RenderFailedError', 'JobFailedError']);

export function exitCodeFor(error: unknown): number {
  if (error instanceof ExitWith) return error.exitCode;
  if (isMaybeSubmitted(error)) return EXIT.unknownOutcome;
  if (error instanceof AbortError) return EXIT.interrupted;
  if (error instanceof UsageError || error instanceof NotConfirmedError || error instanceof RequestValidationError) return EXIT.usage;
  if (error instanceof MissingCredentialsError || error instanceof AuthenticationError || error instanceof PermissionDeniedError) return EXIT.auth;
  if (error instanceof NotFoundError) return EXIT.notFound;
  if (error instanceof RateLimitError) return EXIT.rateLimited;
  if (error instanceof RemoteFailureError) return EXIT.remoteFailure;
  if (error instanceof Error && USAGE_NAMES.has(error.name)) return EXIT.usage;
  if (error instanceof Error && FAILURE_NAMES.has(error.name)) return EXIT.remoteFailure;
  return EXIT.remoteFailure;
}

/** The parts of an error worth showing: message, vendor hint, request id, per-field problems. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const e = error as Error & Record<string, unknown>;
  const out: Record<string, unknown> = { name: e.name, message: e.message };
  for (const k of ['status', 'requestId', 'hint', 'maybeSubmitted', 'issues', 'problems'] as const) {
    const v = e[k];
    if (v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  }
  return out;
}
