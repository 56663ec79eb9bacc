// Generate a module of typed templates: per template a const with its id and name, a
// `<Name>Modifications` type, and a `TemplateRegistry` entry that `renders.create` checks against.
import { writeFile } from 'node:fs/promises';
import { createCreatomateClient } from '@reelkit/core';
import { createTemplates, generateTemplateTypes } from '@reelkit/templates';

export async function main(outFile = 'src/creatomate-templates.ts'): Promise<void> {
  const templates = createTemplates(createCreatomateClient());
  const all = await Promise.all((await templates.list()).map((t) => templates.get(t.id)));
  await writeFile(outFile, generateTemplateTypes(all));
}
