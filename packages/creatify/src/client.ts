// createCreatify(client, options?): templates and custom template jobs on a @reelkit/core Creatify
// client, returning the explicit `Creatify` interface (src/types.ts).
//
// Money safety: create, preview, previewAsync and render are POSTs that spend credits. They are
// sent once with only `pickCallOptions(options)` (a stray `body`, `params` or `retrySafe` in an
// options object never reaches core); the flows built on them only re-GET.
import { pickCallOptions, type CreatifyClient } from '@reelkit/core';
import { checkId, checkOptions } from './arguments.js';
import { webhookConfirmer } from './confirm.js';
import { jobsResource } from './jobs.js';
import type { Creatify, CreatifyOptions, CreatifyTemplates } from './types.js';

function templatesResource(client: CreatifyClient): CreatifyTemplates {
  return {
    async list(options) {
      checkOptions(options);
      return client.GET('/api/custom_templates/', { ...pickCallOptions(options) });
    },
    async get(template_id, options) {
      checkId(template_id, 'template_id');
      return client.GET('/api/custom_templates/{template_id}/', { params: { path: { template_id } }, ...pickCallOptions(options) });
    },
  };
}

export function createCreatify(client: CreatifyClient, options: CreatifyOptions = {}): Creatify {
  checkOptions(options);
  const jobs = jobsResource(client, options.interval);
  return { templates: templatesResource(client), jobs, confirmJobWebhook: webhookConfirmer(jobs) };
}
