// The typed calls: per-request options, the raw response next to the data, and a DELETE.
import { createCreatomateClient } from '@reelkit/core';

export async function main(id: string) {
  const cm = createCreatomateClient();
  // timeoutMs bounds each attempt; the signal bounds the whole call, retries and waits included.
  const render = await cm.GET('/renders/{id}', { params: { path: { id } }, signal: AbortSignal.timeout(30_000), timeoutMs: 5_000 });
  const { data, response, requestId } = await cm.withResponse.GET('/renders/{id}', { params: { path: { id } } });
  console.log(`${data.status}: HTTP ${response.status}, request id ${requestId ?? 'none'}`);
  await cm.DELETE('/renders/{id}', { params: { path: { id } } });
  return { render, status: response.status, requestId };
}
