// Builders of template variable values, behind a namespace (`vars.text('…')`) so that generic
// names such as `text` and `image` do not sit at the package root.
export { audio, avatar, image, text, variable, video, voiceover } from './variables.js';
