/**
 * What a comment that names a subject (an offtopic.subject rule: sports, cooking, pets …) costs
 * under a hostile article: such a comment makes moderate() read the article for its own subjects
 * (src/topic/subjects.ts), once per article. Each of the bench's eleven 1 MiB adversarial inputs
 * is the article, a new one each run (no cache hit), under one short comment about a cat; median
 * of 3 runs, in ms. The #7 target for any 1 MiB input is 50 ms.
 *
 *   npm run build && node bench/subject-article.mjs
 */
import { createModerator } from '../dist/index.js';
import { adversarial } from './lib/corpus.mjs';
import { median } from './lib/stats.mjs';

const moderator = createModerator();
const COMMENT = 'My cat knocked my coffee over this morning.';
let run = 0;
let worst = 0;
for (const [name, text] of Object.entries(adversarial())) {
  const times = [];
  for (let r = 0; r < 3; r++) {
    const article = `${text} ${run++}`;
    const start = performance.now();
    const verdict = moderator.moderate(COMMENT, { article });
    times.push(performance.now() - start);
    if (!verdict.matches.some((m) => m.ruleId === 'offtopic.subject.pets')) throw new Error(`${name}: the subject rule did not count, so the article was not read for subjects`);
  }
  const ms = median(times);
  worst = Math.max(worst, ms);
  console.log(`${name.padEnd(26)}${ms.toFixed(1).padStart(8)} ms`);
}
console.log(`worst ${worst.toFixed(1)} ms (target < 50 ms): ${worst < 50 ? 'PASS' : 'FAIL'}`);
