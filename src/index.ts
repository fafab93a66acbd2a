/**
 * decorum's public, browser-safe API. Everything exported is named here; the file-system
 * helpers live in `decorum/node`.
 */
export { createModerator } from './moderate.js';
export type { Moderator, ModerateContext } from './moderate.js';
export type { ModeratorOptions } from './schemas/options.js';
export { createHook } from './hooks/saveHook.js';
export type { CreateHookOptions, HookCallback, HookOutcome, SaveHook } from './hooks/saveHook.js';
export { trainModel } from './trainModel.js';
export type { TrainModelOptions } from './trainModel.js';
export { parseModel, serializeModel, MODEL_FORMAT, MODEL_VERSION } from './model/format.js';
export type { ModelFile } from './model/format.js';
export { normalizeToObject as normalize } from './normalize/normalize.js';
export type { NormalizedText } from './normalize/normalize.js';
export { extractPage } from './corpus/extract.js';
export type { ExtractedComment, ExtractedPage } from './corpus/extract.js';
export { DecorumError, isDecorumError } from './errors.js';
export type { DecorumErrorCode, DecorumErrorDetails } from './errors.js';
export { LABELS } from './types.js';
export type { Action, Label, Match, Scores, Severity, Verdict } from './types.js';
export type { RulePack, RulePackInput, Rule } from './schemas/rulePack.js';
export type { Fixture } from './schemas/fixture.js';
