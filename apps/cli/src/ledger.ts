// The batch ledger on disk: a SubmissionLedger (@reelkit/renders, see its header for the rule)
// backed by an append-only JSONL file. Each claim (`submitting`, before the POST) and each settle
// (after the answer) is one line, fsync'd before the call returns, so a crash or SIGKILL at any
// point leaves a file that says, per row, whether it may have been submitted.
//
// One process at a time: the ledger takes `<file>.lock` (O_EXCL, holding its pid). A lock left by a
// dead process is taken over. Because of that lock, a `submitting` entry of another owner can only
// be a dead run's: it is treated as expired (reconciled through the API, never blindly re-sent),
// instead of waiting out its lease.
import { decideClaim, snapshotEntries, type ClaimResult, type LedgerEntry, type SubmissionLedger } from '@reelkit/renders/ledger';
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { UsageError } from './errors.js';

interface Line {
  key: string;
  entry: LedgerEntry;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads the file's lines; a last line cut short by a crash is ignored (its write never completed). */
export function readLedgerFile(path: string): Map<string, LedgerEntry> {
  const entries = new Map<string, LedgerEntry>();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return entries;
    throw error;
  }
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      const line = JSON.parse(raw) as Line;
      entries.set(line.key, line.entry);
    } catch {
      if (i < lines.length - 1 && lines.slice(i + 1).some((l) => l.trim())) throw new UsageError(`ledger ${path}: line ${i + 1} is not JSON; the file was edited by hand?`);
    }
  });
  return entries;
}

export class FileLedger implements SubmissionLedger {
  readonly #entries: Map<string, LedgerEntry>;
  readonly #fd: number;
  readonly #lock: string;
  readonly #redact: (s: string) => string;
  readonly #now: () => number;
  #closed = false;

  /** Opens (or creates) the ledger at `path` and takes its lock. `redact` cleans reasons before they are written. */
  constructor(readonly path: string, options: { redact?: (s: string) => string; now?: () => number } = {}) {
    this.#redact = options.redact ?? ((s) => s);
    this.#now = options.now ?? Date.now;
    this.#lock = `${path}.lock`;
    this.#takeLock();
    this.#entries = readLedgerFile(path);
    this.#fd = openSync(path, 'a');
  }

  #takeLock(): void {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(this.#lock, String(process.pid), { flag: 'wx' });
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const pid = Number(readFileSync(this.#lock, 'utf8'));
        if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
          throw new UsageError(`ledger ${this.path} is in use by another reelkit (pid ${pid}); wait for it to finish.`);
        }
        rmSync(this.#lock, { force: true });
      }
    }
    throw new UsageError(`ledger ${this.path}: could not take its lock ${this.#lock}`);
  }

  #append(key: string, entry: LedgerEntry): void {
    writeSync(this.#fd, JSON.stringify({ key, entry }) + '\n');
    fsyncSync(this.#fd);
    this.#entries.set(key, entry);
  }

  claim(key: string, owner: string, leaseMs: number): Promise<ClaimResult> {
    const now = this.#now();
    const current = this.#entries.get(key);
    // Another owner's `submitting` is a dead run's (see the lock): expired now.
    const effective = current?.state === 'submitting' && current.owner !== owner ? { ...current, leaseMs: -1 } : current;
    const result = decideClaim(effective, now);
    if (result.claimed) this.#append(key, { state: 'submitting', owner, at: now, leaseMs });
    return Promise.resolve(result.claimed && result.previous ? { claimed: true, previous: current as typeof result.previous } : result);
  }

  settle(key: string, entry: Exclude<LedgerEntry, { state: 'submitting' }>): Promise<void> {
    this.#append(key, 'reason' in entry ? { ...entry, reason: this.#redact(entry.reason) } : entry);
    return Promise.resolve();
  }

  get(key: string): Promise<LedgerEntry | undefined> {
    return Promise.resolve(this.#entries.get(key));
  }

  entries(): AsyncIterable<[string, LedgerEntry]> {
    return snapshotEntries(this.#entries);
  }

  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    closeSync(this.#fd);
    rmSync(this.#lock, { force: true });
    return Promise.resolve();
  }
}
