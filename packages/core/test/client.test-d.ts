// Compile-time guarantees of the typed clients: wrong paths, methods, params and bodies do not compile.
import { describe, expectTypeOf, it } from 'vitest';
import { createCreatifyClient, createCreatomateClient, type creatify, type creatomate, type WithResponse } from '../src/index.js';

const cm = createCreatomateClient({ apiKey: 'k' });
const cf = createCreatifyClient({ apiId: 'i', apiKey: 'k' });
type Render = creatomate.components['schemas']['Render'];
type Job = creatify.components['schemas']['CustomTemplateJob'];
const id = '6e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';

describe('Creatomate client types', () => {
  it('resolves to the spec response types', () => {
    expectTypeOf(cm.GET('/renders/{id}', { params: { path: { id } } })).resolves.toEqualTypeOf<Render>();
    expectTypeOf(cm.POST('/renders', { body: { template_id: id } })).resolves.toEqualTypeOf<Render[]>();
    expectTypeOf(cm.GET('/renders')).resolves.toEqualTypeOf<Render[]>();
    expectTypeOf(cm.withResponse.GET('/templates/{id}', { params: { path: { id } } })).resolves.toEqualTypeOf<
      WithResponse<creatomate.components['schemas']['Template']>
    >();
  });

  it('rejects unknown paths and methods the path does not have', () => {
    // @ts-expect-error no such path
    void cm.GET('/render/{id}', { params: { path: { id } } });
    // @ts-expect-error /templates has no POST
    void cm.POST('/templates', { body: {} });
    // @ts-expect-error /renders has no DELETE
    void cm.DELETE('/renders');
  });

  it('requires path params and a body where the spec does', () => {
    // @ts-expect-error path params missing
    void cm.GET('/renders/{id}');
    // @ts-expect-error body missing
    void cm.POST('/renders', {});
    // @ts-expect-error wrong path param name
    void cm.GET('/renders/{id}', { params: { path: { render_id: id } } });
  });

  it('rejects wrong body fields and types', () => {
    // @ts-expect-error output_format is an enum
    void cm.POST('/renders', { body: { template_id: id, output_format: 'avi' } });
    // @ts-expect-error modifications is an object
    void cm.POST('/renders', { body: { template_id: id, modifications: 'x' } });
    // @ts-expect-error unknown field
    void cm.POST('/renders', { body: { template_id: id, colour: 'red' } });
    // @ts-expect-error limit is a number
    void cm.GET('/renders', { params: { query: { limit: '5' } } });
  });

  it('accepts per-request options', () => {
    void cm.POST('/renders', { body: { template_id: id }, signal: AbortSignal.timeout(1), timeoutMs: 5, maxRetries: 0 });
    // @ts-expect-error retrySafe is gone: whether an operation repeats comes from the spec
    void cm.POST('/renders', { body: { template_id: id }, retrySafe: true });
  });
});

describe('Creatify client types', () => {
  it('types Creatify paths and bodies', () => {
    expectTypeOf(cf.GET('/api/custom_template_jobs/{id}/', { params: { path: { id } } })).resolves.toEqualTypeOf<Job>();
    void cf.POST('/api/custom_template_jobs/', { body: { template_id: id, variables: { title: { type: 'text', properties: { content: 'Hi' } } } } });
    // @ts-expect-error variables is required
    void cf.POST('/api/custom_template_jobs/', { body: { template_id: id } });
    // @ts-expect-error Creatomate path on the Creatify client
    void cf.GET('/renders/{id}', { params: { path: { id } } });
  });
});
