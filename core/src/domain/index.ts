/** Pure domain constants and functions without Zod, for the browser bundle. */
export * from './ags.js';
export * from './departments.js';
export * from './directory-names.js';
export * from './disclosure.js';
export * from './fields-of-action.js';
export * from './first-steps.js';
export * from './format.js';
export * from './legal-forms.js';
export * from './password.js';
export * from './process-model.js';
export * from './pulse.js';
export * from './roles.js';
export * from './shared-operation.js';
export * from './shared-services.js';
export * from './size-class.js';
export * from './survey.js';
export * from './survey-template.js';
