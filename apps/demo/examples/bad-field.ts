// What the page shows for a field that does not fit the template: the server answers 422 with
// the problem per field and what to do, and nothing is sent to Creatomate.
import { startDemo, type ErrorBody } from '@reelkit/demo/server';

const PRODUCT_CARD = '9b2e4c61-3f7a-4e8d-b5c2-7a1d0e6f4b22';

export async function main(): Promise<{ status: number; error: ErrorBody['error'] }> {
  const demo = await startDemo({ port: 0 });
  try {
    const res = await fetch(`${demo.url}/api/renders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ template_id: PRODUCT_CARD, modifications: { 'Product-Image': 'not a url' } }),
    });
    const body = (await res.json()) as ErrorBody;
    console.log(res.status, body.error.problems?.[0]?.message, '→', body.error.action);
    // 422 'Product-Image' sets the source of 'Product-Image', which expects a URL (http, https or data), got the string "not a url" → Fix the fields marked below; nothing was submitted.
    return { status: res.status, error: body.error };
  } finally {
    await demo.close();
  }
}
