// The history's one rule: a render's status only moves forward, whichever of webhook and poll comes first.
import { describe, expect, it } from 'vitest';
import { EventHub } from '../src/server/events.js';
import { RenderHistory } from '../src/server/history.js';
import type { DemoEvent, Render } from '../src/shared/api.js';

const render = (status: string): Render => ({ id: 'r1', status, url: null });

function history() {
  const events = new EventHub();
  const seen: DemoEvent[] = [];
  events.subscribe((e) => seen.push(e));
  const h = new RenderHistory(events);
  h.record('k', render('planned'), 'create');
  return { h, seen };
}

describe('RenderHistory', () => {
  it('keeps a webhook’s succeeded when a late poll still says rendering', () => {
    const { h, seen } = history();
    h.record('k', render('succeeded'), 'webhook');
    h.record('k', render('rendering'), 'poll');
    expect(h.get('k')).toMatchObject({ render: { status: 'succeeded' }, updated_by: 'webhook' });
    expect(seen).toHaveLength(2); // the add and the webhook, not the stale poll
  });

  it('publishes nothing when the status did not change', () => {
    const { h, seen } = history();
    h.record('k', render('planned'), 'poll');
    expect(seen).toHaveLength(1);
  });

  it('takes a status the spec does not know yet as progress, and still finishes after it', () => {
    const { h } = history();
    h.record('k', render('queued-for-gpu'), 'poll');
    expect(h.get('k')!.render.status).toBe('queued-for-gpu');
    h.record('k', render('failed'), 'poll');
    expect(h.get('k')!.render.status).toBe('failed');
  });

  it('keeps a webhook that came before the create answer, and the late answer does not move it back', () => {
    const { h } = history();
    h.record('fast', render('succeeded'), 'webhook');
    h.record('fast', render('planned'), 'create');
    expect(h.get('fast')).toMatchObject({ render: { status: 'succeeded' }, updated_by: 'webhook' });
    expect(h.list().map((e) => e.key)).toEqual(['fast', 'k']);
  });
});
