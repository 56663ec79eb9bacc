// The worker thread that builds output files (src/builder.ts), so encoding never holds the event
// loop that answers requests.
import { parentPort } from 'node:worker_threads';
import { renderFile, type FileSpec } from './outputs.js';

parentPort?.on('message', ({ id, spec }: { id: number; spec: FileSpec }) => {
  try {
    // A copy in a fresh ArrayBuffer: the encoders' output may sit in Node's Buffer pool, which
    // Node 22 marks untransferable ("Cannot transfer object of unsupported type").
    const bytes = new Uint8Array(renderFile(spec));
    parentPort!.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (err) {
    parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
