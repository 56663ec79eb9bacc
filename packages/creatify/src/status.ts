import type { components } from '@reelkit/core/creatify';

export type JobStatus = components['schemas']['JobStatus'];
export type TerminalStatus = Extract<JobStatus, 'done' | 'failed' | 'rejected'>;

/**
 * Statuses after which a job never changes again. `rejected` is terminal too (moderation). Any
 * other status, one this SDK does not know included, is not final: waits keep going.
 */
export const TERMINAL_STATUSES: readonly TerminalStatus[] = ['done', 'failed', 'rejected'];

export function isTerminalStatus(status: JobStatus | (string & {})): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}
