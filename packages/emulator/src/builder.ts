// Builds output files off the request path: in one worker thread (src/file-worker.ts), queued, with
// the finished bytes kept in a small cache keyed by the file's spec (files are deterministic, so two
// renders with the same spec share one build).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { renderFile, type FileSpec } from './outputs.js';

/** Most built files kept, and most bytes in all (the oldest go first). */
const CACHE_ENTRIES = 64;
const CACHE_BYTES = 256 * 1024 * 1024;

/**
 * The compiled worker script. Tests run this module from its TypeScript source, which a worker thread
 * cannot load on Node 20, so they use the package's build (`pnpm test` builds first, like the CLI tests).
 */
function workerPath(): string | undefined {
  const own = new URL('./file-worker.js', import.meta.url);
  const built = import.meta.url.endsWith('.ts') ? new URL('../dist/file-worker.js', import.meta.url) : own;
  const path = fileURLToPath(built);
  return existsSync(path) ? path : undefined;
}

/** `execArgv` without `--conditions @reelkit/source` / `--conditions=@reelkit/source` / `-C …`. */
export function withoutSourceCondition(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if ((arg === '--conditions' || arg === '-C') && argv[i + 1] === '@reelkit/source') i++;
    else if (arg !== '--conditions=@reelkit/source') out.push(arg);
  }
  return out;
}

type Job = { spec: FileSpec; owner: object; resolve: (bytes: Uint8Array) => void; reject: (err: Error) => void };

/**
 * One worker thread for the whole process, shared by every emulator in it (tests start many):
 * starting one loads the encoders and the font, which costs more than most builds. It gets one job
 * at a time from a queue kept here, so a closed emulator's queued builds can be dropped; it is
 * unref'd whenever idle, so it never keeps a process alive.
 */
const pool = {
  worker: undefined as Worker | undefined,
  queue: [] as Job[],
  running: undefined as Job | undefined,
};

function sharedWorker(): Worker | undefined {
  if (pool.worker) return pool.worker;
  const path = workerPath();
  if (!path) return undefined;
  // The worker runs the build, so it must not inherit a test runner's `--conditions @reelkit/source`
  // (which would point its imports at TypeScript sources it cannot load).
  const worker = new Worker(path, { execArgv: withoutSourceCondition(process.execArgv) });
  worker.unref();
  worker.on('message', ({ bytes, error }: { bytes?: Uint8Array; error?: string }) => {
    const job = pool.running;
    pool.running = undefined;
    if (bytes) job?.resolve(bytes);
    else job?.reject(new Error(error ?? 'the file could not be built'));
    pump();
  });
  const fail = (err: Error) => {
    pool.worker = undefined;
    pool.running?.reject(err);
    pool.running = undefined;
    pump(); // a new worker takes the rest of the queue
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the file builder stopped (exit code ${code})`)));
  pool.worker = worker;
  return worker;
}

/** Hands the next queued job to the worker when it is free. */
function pump(): void {
  if (pool.running) return;
  const job = pool.queue.shift();
  const worker = job && sharedWorker();
  if (!job || !worker) {
    pool.worker?.unref();
    return;
  }
  pool.running = job;
  worker.ref();
  worker.postMessage({ id: 0, spec: job.spec });
}

/** Drops `owner`'s queued builds, and stops its running one (the next job gets a new worker). */
function cancel(owner: object): void {
  const kept: Job[] = [];
  for (const job of pool.queue) {
    if (job.owner === owner) job.reject(new Error('the emulator is closed'));
    else kept.push(job);
  }
  pool.queue = kept;
  if (pool.running?.owner === owner) void pool.worker?.terminate(); // its exit handler rejects the job and pumps on
}

/** One emulator's builds: a cache of finished files by spec, over the shared worker. */
export class FileBuilder {
  readonly #cache = new Map<string, Promise<Uint8Array>>();
  readonly #sizes = new Map<string, number>();
  #closed = false;
  /** Whether files are built in a worker thread (false only when no build of the worker exists). */
  readonly threaded = workerPath() !== undefined;

  /** The bytes of `spec`, from the cache or a new build. */
  build(spec: FileSpec): Promise<Uint8Array> {
    const key = JSON.stringify(spec);
    const cached = this.#cache.get(key);
    if (cached) {
      this.#cache.delete(key);
      this.#cache.set(key, cached); // most recently used last
      return cached;
    }
    const built = this.#run(spec);
    this.#cache.set(key, built);
    built.then(
      (bytes) => {
        this.#sizes.set(key, bytes.length);
        this.#trim();
      },
      () => this.#cache.delete(key), // a failed build is not remembered
    );
    return built;
  }

  #trim(): void {
    let total = 0;
    for (const size of this.#sizes.values()) total += size;
    for (const key of this.#cache.keys()) {
      if (this.#cache.size <= CACHE_ENTRIES && total <= CACHE_BYTES) break;
      if (!this.#sizes.has(key)) continue; // still building
      total -= this.#sizes.get(key)!;
      this.#sizes.delete(key);
      this.#cache.delete(key);
    }
  }

  #run(spec: FileSpec): Promise<Uint8Array> {
    if (this.#closed) return Promise.reject(new Error('the emulator is closed'));
    if (sharedWorker()) {
      return new Promise<Uint8Array>((resolve, reject) => {
        pool.queue.push({ spec, owner: this, resolve, reject });
        pump();
      });
    }
    // No compiled worker (running from sources without a build): build in-process, one turn later.
    return new Promise((resolve, reject) => setImmediate(() => {
      try {
        resolve(renderFile(spec));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    }));
  }

  clear(): void {
    this.#cache.clear();
    this.#sizes.clear();
  }

  /** Refuses new builds; the shared worker stays for other emulators (it holds no process open). */
  close(): void {
    this.#closed = true;
    cancel(this);
    this.clear();
  }
}
