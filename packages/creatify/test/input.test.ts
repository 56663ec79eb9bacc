import { describe, expect, it } from 'vitest';
import { checkJobInput } from '../src/input.js';
import { text } from '../src/variables.js';

const ok = { template_id: '1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a61', variables: { title: text('Hi') } };

describe('checkJobInput', () => {
  it('passes a minimal valid input and the optional fields at their limits', () => {
    expect(checkJobInput(ok)).toEqual([]);
    const url = `https://hooks.example.com/${'a'.repeat(200 - 'https://hooks.example.com/'.length)}`;
    expect(url).toHaveLength(200);
    expect(checkJobInput({ ...ok, name: 'n'.repeat(255), webhook_url: url })).toEqual([]);
    expect(checkJobInput({ ...ok, name: null, webhook_url: null })).toEqual([]);
  });

  it('names the field for each broken limit, with the generated schema\'s reason', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...ok, name: 'n'.repeat(256) }, 'name', /255/],
      [{ ...ok, webhook_url: `https://h.example.com/${'a'.repeat(200)}` }, 'webhook_url', /200/],
      [{ ...ok, webhook_url: 'not a url' }, 'webhook_url', /URL/],
      [{ ...ok, webhook_url: 'ftp://h.example.com/x' }, 'webhook_url', /https\?/],
      [{ ...ok, webhook_url: 'javascript:alert(1)' }, 'webhook_url', /https\?/],
      [{ ...ok, template_id: 'product-showcase' }, 'template_id', /UUID/],
      [{ ...ok, template_id: undefined }, 'template_id', /string/],
      [{ ...ok, variables: {} }, 'variables', /not be empty/],
      [{ ...ok, variables: [] }, 'variables', /record|object/],
      [{ ...ok, variables: undefined }, 'variables', /record|object/],
    ];
    for (const [input, field, message] of cases) {
      const problems = checkJobInput(input);
      expect(new Set(problems.map((p) => p.field)), field).toEqual(new Set([field]));
      expect(problems.map((p) => p.message).join(' | ')).toMatch(message);
    }
  });

  it('keeps a webhook URL, which may hold a secret, out of the message', () => {
    const [problem] = checkJobInput({ ...ok, webhook_url: 'hooks.example.com/?token=s3cr3t' });
    expect(problem?.message).not.toContain('s3cr3t');
  });
});
