// Drafts and publishing in the designer: the publish confirmation with the
// warnings and the effective time, the diff of two versions, and the
// "changed in this version" markers of the visual diff.

export { askToPublish, problemText, readEffectiveTime, type DialogProblem, type PublishAnswer } from './publishDialog.js';
export { changedIds, deadlineText, showDiff } from './diffView.js';
