// What a browser app bundles to create and follow renders with response validation off (size budget).
import { createCreatomateClient } from '@reelkit/core';
import { createRenders } from '@reelkit/renders';

export const renders = createRenders(createCreatomateClient({ apiKey: 'browser-app', validate: { response: 'off' } }));
