// Exit codes, shared by every command and printed by `reelkit --help`. Kept free of imports so that
// `--help` loads nothing but commander.
export const EXIT = {
  ok: 0,
  remoteFailure: 1,
  usage: 2,
  auth: 3,
  notFound: 4,
  rateLimited: 5,
  unknownOutcome: 6,
  interrupted: 130,
} as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0    ok
  1    remote failure (a render or job failed)
  2    usage or validation error (nothing was sent)
  3    authentication: a key is missing or refused
  4    not found
  5    rate limited after retries
  6    outcome unknown: a paid request may have been submitted (look before re-sending)
  130  interrupted (Ctrl-C); renders and jobs keep running remotely`;
