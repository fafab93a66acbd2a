/**
 * One library in a worker thread, timing it on the adversarial inputs. A worker, so that a
 * library that hangs on an input can be stopped (worker.terminate()) and reported as timed
 * out instead of hanging the whole bench. The inputs are regenerated here from the same seed,
 * so every worker times byte-identical strings without copying 8 MB through postMessage.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { adversarial } from './corpus.mjs';
import { load } from './libs.mjs';

const { name, size } = workerData;
const lib = await load(name);
const inputs = adversarial(size);
// Warm the call path on a small input so the first timed call does not include compilation of
// the library's hot functions (a real server would have compiled them long before).
for (let i = 0; i < 50; i++) lib.check('Warm up: you are an idiot, sir. ' + i);

// decorum also takes the input as the article a short comment sits under (a forum's opening
// post is user text). The moderator keeps the last articles' vectors, so each run appends its
// number: every timed call reads a new article, as an attacker's would be.
const COMMENT = 'Putin and Biden met in Geneva, and nothing changed.';

parentPort.on('message', ({ input, asArticle, run }) => {
  const text = asArticle ? `${inputs[input]} ${run}` : inputs[input];
  if (typeof globalThis.gc === 'function') globalThis.gc();
  const t = performance.now();
  let flagged;
  let error = null;
  try {
    flagged = asArticle ? lib.moderate(COMMENT, { article: text }).action !== 'allow' : Boolean(lib.check(text));
  } catch (e) {
    error = `${e?.name ?? 'Error'}: ${e?.message ?? e}`;
  }
  const ms = performance.now() - t;
  parentPort.postMessage({ ms, flagged, error });
});
parentPort.postMessage({ ready: true });
