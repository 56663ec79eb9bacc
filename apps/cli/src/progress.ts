// Live progress while waiting: a listr2 display per render/job on a terminal, plain status lines
// (on stderr, only when something changes) otherwise, nothing extra with --json.
import type { Output } from './output.js';

export interface Progress {
  update(id: string, status: string, detail?: string): void;
  /** Marks an item finished (ok or failed) in the display. */
  done(id: string, ok: boolean, detail?: string): void;
  close(): Promise<void>;
}

const TERMINAL = new Set(['succeeded', 'failed', 'done', 'rejected']);

function plain(out: Output, label: string): Progress {
  const last = new Map<string, string>();
  const say = (id: string, text: string) => {
    if (out.json || last.get(id) === text) return;
    last.set(id, text);
    out.note(`${label} ${id}: ${text}`);
  };
  return {
    update: (id, status, detail) => say(id, detail ? `${status} ${detail}` : status),
    done: (id, _ok, detail) => say(id, detail ?? 'done'),
    close: () => Promise.resolve(),
  };
}

/** On a terminal, one listr2 task per id whose title follows the status. */
async function live(label: string, ids: readonly string[]): Promise<Progress> {
  const { Listr } = await import('listr2');
  type Slot = { title: (t: string) => void; finish: (ok: boolean, t: string) => void };
  const slots = new Map<string, Slot>();
  const pending = new Map<string, { status: string; detail?: string | undefined }>();
  const ready: Promise<void>[] = [];
  const tasks = new Listr(
    ids.map((id) => ({
      title: `${label} ${id}: waiting for the first status`,
      task: (_ctx: unknown, task: { title: string }) =>
        new Promise<void>((resolve, reject) => {
          slots.set(id, {
            title: (t) => (task.title = t),
            finish: (ok, t) => {
              task.title = t;
              if (ok) resolve();
              else reject(new Error(t));
            },
          });
          const p = pending.get(id);
          if (p) slots.get(id)!.title(`${label} ${id}: ${p.status}${p.detail ? ` ${p.detail}` : ''}`);
        }),
    })),
    // Our SIGINT handler aborts the wait and says what keeps running; listr2's own would exit 127.
    { concurrent: true, exitOnError: false, registerSignalListeners: false, renderer: 'default', rendererOptions: { collapseErrors: false } },
  );
  const running = tasks.run().catch(() => undefined);
  ready.push(running.then(() => undefined));
  return {
    update(id, status, detail) {
      pending.set(id, { status, detail });
      slots.get(id)?.title(`${label} ${id}: ${status}${detail ? ` ${detail}` : ''}`);
    },
    done(id, ok, detail) {
      slots.get(id)?.finish(ok, `${label} ${id}: ${detail ?? (ok ? 'done' : 'failed')}`);
    },
    async close() {
      // Anything still open when waiting stopped (Ctrl-C) is shown as stopped, not left spinning.
      for (const [id, slot] of slots) if (!TERMINAL.has(pending.get(id)?.status ?? '')) slot.finish(false, `${label} ${id}: stopped waiting (still running remotely)`);
      await Promise.all(ready);
    },
  };
}

export async function createProgress(out: Output, label: string, ids: readonly string[]): Promise<Progress> {
  return out.tty && !out.json ? live(label, ids) : plain(out, label);
}
