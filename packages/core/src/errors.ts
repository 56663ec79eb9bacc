// One error hierarchy for both vendors. Everything a client throws is a ReelkitError.
// Messages and bodies are redacted by the client before an error is constructed, and toJSON()
// lists only plain fields (no headers of the request, no cause stack), so logging an error
// with JSON.stringify cannot leak a key.

export interface ReelkitErrorOptions {
  cause?: unknown;
  /** The request may have reached the server and been acted on (outcome unknown). Default false. */
  maybeSubmitted?: boolean;
}

export class ReelkitError extends Error {
  override readonly name: string = 'ReelkitError';
  /**
   * True when the request may have reached the server and been acted on: a POST that timed out,
   * lost its connection, was answered 5xx or answered 2xx unreadably. Do not send it again; look
   * the work up instead. False for everything provably never sent (validation, 4xx, refused).
   */
  readonly maybeSubmitted: boolean;

  constructor(message: string, options?: ReelkitErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.maybeSubmitted = options?.maybeSubmitted ?? false;
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [k, v] of Object.entries(this)) {
      if (k === 'cause' || k === 'headers' || v === undefined || typeof v === 'function') continue;
      out[k] = v;
    }
    return out;
  }
}

/** Where a request went; shared by the HTTP-level errors. */
export interface RequestInfo {
  method: string;
  /** The concrete path that was requested (path parameters filled in, no base URL, no query). */
  path: string;
  requestId?: string | undefined;
}

export interface ApiErrorInit extends RequestInfo {
  status: number;
  /** The parsed JSON body, or undefined when the body was not JSON. */
  body?: unknown;
  /** A short excerpt of a body that was not JSON (HTML from a proxy, truncated JSON). */
  bodyExcerpt?: string | undefined;
  hint?: string | undefined;
  documentation_url?: string | undefined;
  /** Field-level messages (Creatify/DRF `{field: [messages]}` bodies). */
  fieldErrors?: Record<string, string[]> | undefined;
  headers?: Headers | undefined;
  maybeSubmitted?: boolean;
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

/** The server answered with a non-2xx status. */
export class ApiError extends ReelkitError {
  override readonly name: string = 'ApiError';
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly requestId: string | undefined;
  /** The vendor's explanation: Creatomate's `hint`, Creatify's `detail` or joined validation messages. */
  readonly hint: string | undefined;
  readonly documentation_url: string | undefined;
  readonly body: unknown;
  readonly bodyExcerpt: string | undefined;
  readonly fieldErrors: Record<string, string[]> | undefined;
  /** Response headers (not serialized by toJSON). */
  readonly headers: Headers | undefined;

  constructor(message: string, init: ApiErrorInit) {
    super(message, { cause: init.cause, maybeSubmitted: init.maybeSubmitted });
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.requestId = init.requestId;
    this.hint = init.hint;
    this.documentation_url = init.documentation_url;
    this.body = init.body;
    this.bodyExcerpt = init.bodyExcerpt;
    this.fieldErrors = init.fieldErrors;
    this.headers = init.headers;
  }
}

export class BadRequestError extends ApiError {
  override readonly name: string = 'BadRequestError';
}
export class AuthenticationError extends ApiError {
  override readonly name: string = 'AuthenticationError';
}
export class InsufficientCreditsError extends ApiError {
  override readonly name: string = 'InsufficientCreditsError';
}
export class PermissionDeniedError extends ApiError {
  override readonly name: string = 'PermissionDeniedError';
}
export class NotFoundError extends ApiError {
  override readonly name: string = 'NotFoundError';
}
export class ConflictError extends ApiError {
  override readonly name: string = 'ConflictError';
}
export class RateLimitError extends ApiError {
  override readonly name: string = 'RateLimitError';
  /** How long the server asked to wait (Retry-After / retry-after-ms), when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, init: ApiErrorInit) {
    super(message, init);
    this.retryAfterMs = init.retryAfterMs;
  }
}
/** 5xx. For a POST, `maybeSubmitted` is true: the server may have started the work. */
export class ServerError extends ApiError {
  override readonly name: string = 'ServerError';
}

export interface TransportErrorInit extends Partial<RequestInfo> {
  maybeSubmitted?: boolean;
  cause?: unknown;
}

/** The request could not be completed at the network level (refused, reset, DNS, TLS...). */
export class ConnectionError extends ReelkitError {
  override readonly name: string = 'ConnectionError';
  readonly method: string | undefined;
  readonly path: string | undefined;
  constructor(message: string, init: TransportErrorInit = {}) {
    super(message, { cause: init.cause, maybeSubmitted: init.maybeSubmitted });
    this.method = init.method;
    this.path = init.path;
  }
}

/** A request attempt, or a wait (poll), ran out of time. */
export class TimeoutError extends ReelkitError {
  override readonly name: string = 'TimeoutError';
  readonly method: string | undefined;
  readonly path: string | undefined;
  constructor(message: string, init: TransportErrorInit = {}) {
    super(message, { cause: init.cause, maybeSubmitted: init.maybeSubmitted });
    this.method = init.method;
    this.path = init.path;
  }
}

/** The caller's AbortSignal fired. `cause` is the signal's reason. */
export class AbortError extends ReelkitError {
  override readonly name: string = 'AbortError';
  // maybeSubmitted: true when a POST was aborted after it was sent.
}

export interface ValidationIssue {
  /** Dotted field path, e.g. `body.modifications` or `path.id` (`(root)` for the whole value). */
  path: string;
  message: string;
}

/** The request failed the spec's schema; nothing was sent. */
export class RequestValidationError extends ReelkitError {
  override readonly name: string = 'RequestValidationError';
  readonly issues: ValidationIssue[];
  constructor(message: string, issues: ValidationIssue[] = []) {
    super(message);
    this.issues = issues;
  }
}

export interface ResponseValidationErrorInit extends RequestInfo {
  status: number;
  issues: ValidationIssue[];
  bodyExcerpt: string;
  /** The parsed body, when it was JSON. */
  data?: unknown;
  maybeSubmitted?: boolean;
}

/** A 2xx response did not match the spec (wrong types, missing fields, or not JSON at all). */
export class ResponseValidationError extends ReelkitError {
  override readonly name: string = 'ResponseValidationError';
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly requestId: string | undefined;
  readonly issues: ValidationIssue[];
  readonly bodyExcerpt: string;
  // maybeSubmitted is true for a POST: the server answered 2xx, so it accepted the work, but the
  // answer cannot be read — the caller must not send it again.
  /** The parsed body when it was JSON but did not match the spec (undefined when it was not JSON). */
  readonly data: unknown;
  constructor(message: string, init: ResponseValidationErrorInit) {
    super(message, { maybeSubmitted: init.maybeSubmitted });
    this.data = init.data;
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.requestId = init.requestId;
    this.issues = init.issues;
    this.bodyExcerpt = init.bodyExcerpt;
  }
}

/** True when `err` says the request may have reached the server (do not resend; reconcile). */
export function isMaybeSubmitted(err: unknown): boolean {
  return err instanceof ReelkitError && err.maybeSubmitted;
}
