/**
 * decorum/node: the parts that touch the file system. The main entry stays browser-safe.
 */
export { loadRulePacks, readRulePack } from './rulePacks.js';
export type { ReadRulePackOptions } from './rulePacks.js';
export { parseFixtures, readFixtures } from './fixtures.js';
export { readModel, writeModel } from './modelFile.js';
