// Render a template and wait for it; a render that fails throws RenderFailedError with Creatomate's reason.
import { createCreatomateClient } from '@reelkit/core';
import { createRenders, RenderFailedError, type Render } from '@reelkit/renders';

const PRODUCT_CARD = '9b2e4c61-3f7a-4e8d-b5c2-7a1d0e6f4b22'; // "Product Card" (an emulator seed template)
const ALWAYS_FAILS = 'e2f3a4b5-c6d7-4e8f-9a0b-1c2d3e4f5a55'; // "Always Fails" (an emulator seed template that fails on purpose)

export async function main(): Promise<{ done: Render; failure: string | null | undefined }> {
  // Key from CREATOMATE_API_KEY, base URL from REELKIT_CREATOMATE_URL (the emulator; unset: the real API).
  const renders = createRenders(createCreatomateClient());

  // Exactly one of template_id, source or tags (checked by the types and at run time).
  // The keys are checked against the template first (a typo throws InvalidModificationsError, nothing is sent).
  const [render] = await renders.create({ template_id: PRODUCT_CARD, modifications: { 'Product-Name': 'Trail Runner 3', price: '$129' } });
  const done = await renders.waitFor(render!.id, {
    onProgress: (r) => console.log(r.status), // planned … succeeded (every check)
    deadlineMs: 120_000, // the whole wait; `request: { timeoutMs }` bounds each poll
  });
  console.log(done.url, done.width, done.height, done.file_size);

  let failure: string | null | undefined;
  try {
    await renders.createAndWait({ template_id: ALWAYS_FAILS });
  } catch (error) {
    if (!(error instanceof RenderFailedError)) throw error;
    failure = error.reason; // Creatomate's error_message
    console.log(failure);
  }
  // Or get failed renders back like any other: { throwOnFailure: false }.

  await renders.get(render!.id);
  await renders.list({ template_id: PRODUCT_CARD, limit: 10 });
  await renders.delete(render!.id);
  return { done, failure };
}
