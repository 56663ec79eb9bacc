// Everything the CLI prints goes through here: `--json` puts machine-readable data alone on stdout
// (errors as JSON on stderr); otherwise tables and lines for people. Colour only on a TTY and never
// with NO_COLOR. Every line passes `redact`, so a key can never reach the terminal, a pipe or a log.
import Table from 'cli-table3';

export interface Output {
  readonly json: boolean;
  readonly debug: boolean;
  /** True when stdout is a terminal (progress displays, prompts). */
  readonly tty: boolean;
  /** Machine-readable result (with --json) — ignored otherwise. */
  data(value: unknown): void;
  /** A line for people on stdout (never with --json). */
  line(text?: string): void;
  /** A line for people on stderr (notes, progress when not a TTY); kept out of stdout so --json stays clean. */
  note(text: string): void;
  table(head: string[], rows: unknown[][]): void;
  /** Key/value pairs as a two-column table. */
  record(obj: Record<string, unknown>): void;
  bold(s: string): string;
  red(s: string): string;
  green(s: string): string;
  /** Registers a secret: it is replaced by *** in everything printed from now on. */
  secret(value: string | undefined): void;
  redact(text: string): string;
}

export function colourEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb';
}

const cell = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

// One registry per process: main's error report redacts with the same secrets as the commands.
const secrets = new Set<string>();

/** Replaces every registered secret in `text` by ***. */
export function redact(text: string): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('***');
  return out;
}

export function createOutput(opts: { json: boolean; debug: boolean }): Output {
  const colour = !opts.json && colourEnabled(process.stdout);
  const paint = (code: number, s: string) => (colour ? `\u001b[${code}m${s}\u001b[0m` : s);
  const write = (stream: NodeJS.WriteStream, text: string) => stream.write(redact(text) + '\n');
  const out: Output = {
    json: opts.json,
    debug: opts.debug,
    tty: process.stdout.isTTY === true,
    data: (value) => {
      if (opts.json) write(process.stdout, JSON.stringify(value, null, 2));
    },
    line: (text = '') => {
      if (!opts.json) write(process.stdout, text);
    },
    note: (text) => write(process.stderr, text),
    table: (head, rows) => {
      if (opts.json) return;
      // Empty style: cli-table3 colours even when piped and ignores NO_COLOR.
      const t = new Table({ head: head.map((h) => out.bold(h)), style: { head: [], border: [] } });
      for (const r of rows) t.push(r.map(cell));
      write(process.stdout, t.toString());
    },
    record: (obj) => {
      if (opts.json) return;
      const t = new Table({ style: { head: [], border: [] } });
      for (const [k, v] of Object.entries(obj)) t.push({ [k]: cell(v) });
      write(process.stdout, t.toString());
    },
    bold: (s) => paint(1, s),
    red: (s) => paint(31, s),
    green: (s) => paint(32, s),
    secret: (value) => {
      // Very short values would redact ordinary words; real keys are long.
      if (value && value.length >= 6) secrets.add(value);
    },
    redact,
  };
  return out;
}
