import { ruleIdsOf, sourcedPacks, type SourcedPack } from '../engine/compile.js';
import { BUNDLED_PACKS } from './rules.js';

/**
 * The packs a moderator or a trainer reads: the shipped ones (unless `bundledRules` is false)
 * and the caller's, first-class: a custom rule with a shipped rule's id replaces the shipped one.
 * createModerator and trainModel both assemble them here, so a model is trained on the very
 * packs the same options moderate with.
 */
export function assemblePacks(rules: readonly unknown[], bundledRules: boolean): SourcedPack[] {
  const custom = sourcedPacks(rules, 'options.rules');
  const overridden = ruleIdsOf(custom);
  const bundled = bundledRules
    ? BUNDLED_PACKS.map(({ pack, file }) => {
        const p = pack as { rules: Array<{ id: string }> };
        return { pack: { ...p, rules: p.rules.filter((r) => !overridden.has(r.id)) }, file };
      })
    : [];
  return [...bundled, ...custom];
}
