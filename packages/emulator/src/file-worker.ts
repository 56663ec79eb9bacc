// The worker thread that builds output files (src/builder.ts), so encoding never holds the event
// loop that answers requests.
import { parentPort } from 'node:worker_threads';
import { renderFile, type FileSpec } from './outputs.js';

parentPort?.on('message', ({ id, spec }: { id: number; spec: FileSpec }) => {
  try {
    const bytes = renderFile(spec);
    parentPort!.postMessage({ id, bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
