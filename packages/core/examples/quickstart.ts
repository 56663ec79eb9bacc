// Start a Creatomate render and wait for it, then look up a Creatify job that may not exist.
import { createCreatifyClient, createCreatomateClient, NotFoundError, poll } from '@reelkit/core';

export async function main(templateId: string, jobId: string) {
  const cm = createCreatomateClient(); // CREATOMATE_API_KEY, REELKIT_CREATOMATE_URL
  const [render] = await cm.POST('/renders', { body: { template_id: templateId, modifications: { 'Text-1': 'Hi' } } });
  if (!render) throw new Error('Creatomate created no render');

  const done = await poll({
    get: (signal) => cm.GET('/renders/{id}', { params: { path: { id: render.id } }, signal }),
    isTerminal: (r) => r.status === 'succeeded' || r.status === 'failed',
    deadlineMs: 10 * 60_000,
    onProgress: (r) => console.log(r.status),
  });

  const cf = createCreatifyClient(); // CREATIFY_API_ID, CREATIFY_API_KEY, REELKIT_CREATIFY_URL
  try {
    const job = await cf.GET('/api/custom_template_jobs/{id}/', { params: { path: { id: jobId } } });
    return { render: done, job };
  } catch (err) {
    if (err instanceof NotFoundError) {
      console.log(err.hint, err.requestId);
      return { render: done, job: null };
    }
    throw err;
  }
}
