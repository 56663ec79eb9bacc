// The request queue (src/http/scheduler.ts): requests are handled in arrival order, in small batches
// with a poll of the sockets between them, and a health check skips the queue. Checked by order, not
// by a stopwatch: a health check sent behind 40 requests, all read in one poll after a stalling handler, is
// answered before the requests that reached the server just before it (handled inline, it would wait).
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { scheduled, type Scheduler } from '../src/http/scheduler.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until); // the slow, synchronous handler the queue exists for
}

async function start(work: (path: string) => unknown = () => {}): Promise<{ url: string; order: string[]; sched: Scheduler }> {
  const order: string[] = [];
  const sched = scheduled((req, res) => {
    if (req.url !== '/__emulator/health') work(req.url!);
    if (req.url !== '/warm') order.push(req.url!);
    res.end('ok');
  });
  server = createServer(sched.listener);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, order, sched };
}

// The client runs in a worker thread, so it keeps sending while the server's loop is blocked.
const CLIENT = `
  const { Agent, request } = require('node:http');
  const { workerData: url, parentPort } = require('node:worker_threads');
  // One kept-alive connection per request: data on open sockets is read many per poll (new connections
  // are accepted one per loop turn, which would spread the requests out).
  const agents = Array.from({ length: 42 }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  const get = (agent, path) => new Promise((resolve, reject) => request(url + path, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject).end());
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  (async () => {
    await Promise.all(agents.map((a) => get(a, '/warm')));
    const stall = get(agents[0], '/stall');
    await pause(100); // the server is now inside the stalling handler
    const slow = agents.slice(1, 41).map((a, i) => get(a, '/slow/' + i));
    await pause(150); // all 40 wait in the kernel, then the health check
    await get(agents[41], '/__emulator/health');
    await Promise.all([stall, ...slow]);
    for (const a of agents) a.destroy();
    parentPort.postMessage('done');
  })().catch((err) => parentPort.postMessage(String(err)));
`;

describe('request scheduler', () => {
  it('answers a health check ahead of the requests queued before it, and handles them all', async () => {
    const { Worker } = await import('node:worker_threads');
    const { url, order, sched } = await start((path) => path !== '/warm' && busy(path === '/stall' ? 500 : 5));
    const client = new Worker(CLIENT, { eval: true, workerData: url });
    const done = await new Promise((resolve) => client.once('message', resolve));
    await client.terminate();
    expect(done).toBe('done');
    expect(sched.queued).toBe(0);
    // Read in the same poll as the 40 that came before it, the health check is answered first of them
    // (handled inline, it would wait for all 40, each handled as its socket was read).
    expect(order[0]).toBe('/stall');
    expect(order.indexOf('/__emulator/health')).toBeLessThanOrEqual(2);
    expect(order.filter((u) => u.startsWith('/slow/'))).toHaveLength(40);
  });

  it('keeps arrival order for requests on one connection (a create, then its read)', async () => {
    const { url, order } = await start();
    const { Agent } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const one = (path: string) => new Promise<void>((resolve, reject) => httpRequest(`${url}${path}`, { agent }, (res) => res.resume().on('end', () => resolve())).on('error', reject).end());
    await Promise.all(['/a', '/b', '/c', '/d'].map(one));
    agent.destroy();
    expect(order).toEqual(['/a', '/b', '/c', '/d']);
  });
});
