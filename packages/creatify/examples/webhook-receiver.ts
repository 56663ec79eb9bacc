// A webhook receiver. Creatify signs nothing, so a delivery only says "look at job X": parse it,
// answer at once, then act on the job as re-fetched by confirmJobWebhook, never on the payload.
import { createServer, type Server } from 'node:http';
import { parseJobWebhook, WebhookNotConfirmedError, type Creatify, type CustomTemplateJob } from '@reelkit/creatify';

export function webhookReceiver(creatify: Creatify, onFinished: (job: CustomTemplateJob) => void): Server {
  const handled = new Set<string>(); // deliveries repeat (one per status change): act once per job
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let webhook;
      try {
        webhook = parseJobWebhook(Buffer.concat(chunks));
      } catch {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(204).end();
      if (!webhook.terminal || handled.has(webhook.id)) return;
      creatify.confirmJobWebhook(webhook).then(
        ({ job }) => {
          if (handled.has(job.id)) return;
          handled.add(job.id);
          onFinished(job);
        },
        (err: unknown) => {
          if (err instanceof WebhookNotConfirmedError) console.warn(`ignored a webhook: ${err.message}`);
          else console.error(err);
        },
      );
    });
  });
}
