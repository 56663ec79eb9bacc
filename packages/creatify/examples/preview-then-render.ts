// The two-step flow: a cheap preview first, the full render only once someone approves it.
import { createCreatifyClient } from '@reelkit/core';
import { createCreatify, JobFailedError, vars } from '@reelkit/creatify';

export async function main(): Promise<string | null> {
  const creatify = createCreatify(createCreatifyClient());
  const input = {
    template_id: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c72', // "Real Estate Tour" (an emulator seed template)
    variables: {
      address: vars.text('12 Harbour Street'),
      price: vars.text('$750,000'),
      tour_video: vars.video('https://cdn.example.com/tours/12-harbour.mp4'),
      agent_photo: vars.image('https://cdn.example.com/agents/ada.jpg'),
    },
  };
  try {
    const result = await creatify.jobs.previewThenRender(input, {
      // Show `job.preview` to a person here; only an approval spends the render credits.
      approve: (job) => {
        console.log(`preview ready: ${job.preview}`);
        return true;
      },
      onProgress: (job, stage) => console.log(`${stage}: ${job.status}`),
    });
    if (!result.approved) return null;
    console.log(`video: ${result.job.video_output}`);
    return result.job.video_output;
  } catch (err) {
    if (err instanceof JobFailedError) console.error(`${err.status}: ${err.reason}`);
    throw err;
  }
}
