export * from './renderscript.js';
export { inspectTemplate, type InspectedElement, type Placeholder, type TemplateInspection } from './inspect.js';
export { validateModifications, type ModificationProblem, type ModificationProblemCode } from './validate.js';
export { generateTemplateTypes, type GenerateTemplateTypesOptions, type ModificationsFor, type TemplateRegistry } from './codegen.js';
export { createTemplates, type ListTemplatesParams, type RequestOptions, type Templates } from './client.js';
