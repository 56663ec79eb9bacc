// @reelkit/templates: Creatomate templates, RenderScript inspection, modification checks and typed-template codegen.
export type {
  Animatable,
  AudioElement,
  CompositionElement,
  Element,
  ElementBase,
  ElementType,
  ImageElement,
  Keyframes,
  Measure,
  Modifications,
  OutputFormat,
  RenderScript,
  ShapeElement,
  SpecSource,
  Template,
  TextElement,
  ValueKind,
  VideoElement,
} from './renderscript.js';
export { inspectTemplate, type InspectedElement, type Placeholder, type TemplateInspection } from './inspect.js';
export { validateModifications, type ModificationProblem, type ModificationProblemCode } from './validate.js';
export { generateTemplateTypes, type GenerateTemplateTypesOptions, type ModificationsFor, type TemplateRegistry } from './codegen.js';
export { createTemplates, type ListTemplatesParams, type RequestOptions, type Templates, type TemplatesOptions } from './client.js';
