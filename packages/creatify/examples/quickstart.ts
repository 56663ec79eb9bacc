// Render a video from a custom template: check the variables, estimate the credits, create, wait.
import { createCreatifyClient } from '@reelkit/core';
import { createCreatify, estimateCredits, validateVariables, vars } from '@reelkit/creatify';

export async function main(): Promise<string> {
  // Keys from CREATIFY_API_ID / CREATIFY_API_KEY, base URL from REELKIT_CREATIFY_URL (the emulator).
  const creatify = createCreatify(createCreatifyClient());

  const templates = await creatify.templates.list();
  const summary = templates.find((t) => t.name === 'Customer Testimonial');
  if (!summary) throw new Error('no "Customer Testimonial" template in this workspace');
  const template = await creatify.templates.get(summary.template_id);

  const variables = {
    quote: vars.text('Setup took five minutes.'),
    customer_name: vars.text('Ada Lovelace'),
    spokesperson: vars.avatar('7d2f0c1e-5a4b-4c3d-9e8f-0a1b2c3d4e5f'),
    voice: vars.voiceover('8e3a1d2f-6b5c-4d4e-8f9a-1b2c3d4e5f6a'),
  };
  const problems = validateVariables(template, variables);
  if (problems.length) throw new Error(problems.map((p) => p.message).join('\n'));

  const job = await creatify.jobs.createAndWait(
    { template_id: template.template_id, variables, name: 'Ada testimonial' },
    { deadlineMs: 15 * 60_000, onProgress: (j) => console.log(`${j.status} ${Math.round(j.progress * 100)}%`) },
  );
  const estimate = estimateCredits({ operation: 'create', model_version: job.model_version, durationSeconds: job.duration });
  console.log(`${job.video_output} — ${job.credits_used} credits (estimated ${estimate.credits})`);
  return job.video_output!;
}
