// Look inside a template and check modifications against it before any credits are spent.
import { createCreatomateClient } from '@reelkit/core';
import { createTemplates, inspectTemplate, validateModifications } from '@reelkit/templates';

const STORY_PROMO = '6c1f3a52-8e0b-4d7a-9a41-2f6b0c9e7d11'; // "Story Promo" (an emulator seed template)

export async function main() {
  // Key from CREATOMATE_API_KEY, base URL from REELKIT_CREATOMATE_URL (the emulator; unset: the real API).
  const templates = createTemplates(createCreatomateClient());

  const social = await templates.list({ tags: ['social'] }); // [{ id, name, tags, … }] (no source): Story Promo, Quote Square
  const story = await templates.get(STORY_PROMO);

  const info = inspectTemplate(story.source!);
  // info.properties   → { output_format: 'mp4', width: 1080, height: 1920, frame_rate: 30, duration: 12 }
  // info.elements     → every element, nested ones too, in source order:
  //                      [{ name: 'Background-Video', … },
  //                       { name: 'Headline', type: 'text', dynamic: true, mainProperty: 'text',
  //                         value: '{{headline}}', placeholders: ['headline'], path: [] }, …,
  //                       { name: 'Call-To-Action', path: ['Outro'], … }, { name: 'Outro-Logo', … }]
  // info.placeholders → [{ name: 'headline', elements: ['Headline'] }, { name: 'website', elements: ['Call-To-Action'] }]

  const problems = validateModifications(story.source!, { Headlin: 'Summer sale', Logo: 'logo.png' });
  // [{ key: 'Headlin', code: 'unknown_key', suggestion: 'Headline',
  //    message: "'Headlin' matches no element name or id, placeholder or top-level property; did you mean 'Headline'?" },
  //  { key: 'Logo', code: 'invalid_value', message: "'Logo' sets the source of 'Logo', which expects a URL (http, https or data), got the string \"logo.png\"" }]
  for (const problem of problems) console.log(problem.message);

  return { social, info, problems };
}
