// Persistence for --data: an append-only JSON-lines log of record snapshots, replayed (last one per
// id wins) and compacted on start. Plain files, no native build, readable with any text tool.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type LogEntry =
  | { op: 'put'; kind: 'render' | 'job'; id: string; record: unknown }
  | { op: 'delete'; kind: 'render' | 'job'; id: string }
  | { op: 'account'; account: string; label: string }
  | { op: 'reset' };

export interface Store {
  append(entry: LogEntry): void;
}

export const FILE_NAME = 'emulator-state.jsonl';

export class JsonlStore implements Store {
  readonly file: string;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, FILE_NAME);
  }

  /** Replays the log: the latest snapshot of every live record, and the account labels. */
  load(): { records: Map<string, { kind: 'render' | 'job'; record: unknown }>; accounts: Map<string, string> } {
    const records = new Map<string, { kind: 'render' | 'job'; record: unknown }>();
    const accounts = new Map<string, string>();
    if (!existsSync(this.file)) return { records, accounts };
    const lines = readFileSync(this.file, 'utf8').split('\n');
    for (const line of lines) {
      if (line.trim() === '') continue;
      let entry: LogEntry;
      try {
        entry = JSON.parse(line) as LogEntry;
      } catch {
        continue; // a torn last line after a crash: skip it
      }
      if (entry.op === 'reset') {
        records.clear();
        accounts.clear();
      } else if (entry.op === 'account') {
        accounts.set(entry.account, entry.label);
      } else if (entry.op === 'put') {
        records.set(`${entry.kind}:${entry.id}`, { kind: entry.kind, record: entry.record });
      } else if (entry.op === 'delete') {
        records.delete(`${entry.kind}:${entry.id}`);
      }
    }
    return { records, accounts };
  }

  /** Rewrites the log with only the live state (atomic rename). */
  compact(entries: readonly LogEntry[]): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    renameSync(tmp, this.file);
  }

  append(entry: LogEntry): void {
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }
}
