// The load side of bench/emulator.mjs's health-under-load phase, in its own process: CONNECTIONS
// closed-loop clients against argv[2] for argv[3] seconds, alternating creates (50 distinct texts,
// so output files really get built) and reads. Prints one JSON line: requests answered by status.
const { fetch } = globalThis;
const [base, seconds, connections, key, renderId] = process.argv.slice(2);
const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
const template_id = '9b2e4c61-3f7a-4e8d-b5c2-7a1d0e6f4b22';
const until = Date.now() + Number(seconds) * 1000;
const statuses = {};
const count = (k) => (statuses[k] = (statuses[k] ?? 0) + 1);
let n = 0;
async function client() {
  while (Date.now() < until) {
    const i = n++;
    try {
      const res = i % 2 === 0
        ? await fetch(`${base}/v1/renders`, { method: 'POST', headers, body: JSON.stringify({ template_id, modifications: { 'Product-Name': `Bench ${i % 50}` } }) })
        : await fetch(`${base}/v1/${i % 4 === 1 ? `renders/${renderId}` : 'renders?limit=10'}`, { headers });
      await res.arrayBuffer();
      count(res.status);
    } catch (err) {
      count(err.cause?.code ?? 'error');
    }
  }
}
await Promise.all(Array.from({ length: Number(connections) }, client));
process.stdout.write(`${JSON.stringify(statuses)}\n`);
