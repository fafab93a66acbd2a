// The CommonJS view of the same package: require-style resolution of "exports".
import decorum = require('decorum');
import node = require('decorum/node');

const verdict: import('decorum').Verdict = decorum.createModerator().moderate('hello');
export const used = [verdict.action, node.loadRulePacks];
