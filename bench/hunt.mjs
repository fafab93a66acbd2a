/**
 * A sweep for hostile input: ~40 kinds of repeated unit (Zalgo text, look-alikes, quotes, masks,
 * URLs, scripts, …), each timed with the built library (dist/)
 *
 *   - at 1 MiB with the default moderator, as the comment and as the article under a comment
 *     (the bench's 50 ms target applies here);
 *   - read whole (maxLength raised) at 20,000 and at 200,000 characters, and the ratio of the two:
 *     linear code gives ~10, a stage whose cost grows with hits times length gives ~100.
 *
 *   npx tsup && node --expose-gc bench/hunt.mjs [name-filter]
 *
 * Each time is the median of 3 calls after one untimed call (a new string each call, so no cache
 * answers). A row over 50 ms or over a 20x ratio is marked `!`; re-run those alone before
 * believing them (a slow phase of the machine or a collection can double one call). The bench's
 * adversarial inputs (bench/lib/corpus.mjs) are the ones this sweep found worth keeping.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ROOT, fill } from './lib/corpus.mjs';
import { gc, hasGc, median } from './lib/stats.mjs';

const { createModerator } = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);

const UNITS = {
  zalgo: 'i\u0301\u0308\u0336d\u0301\u0308i\u0336o\u0301t\u0308 ',
  'combining marks': 'a\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  'nested quotes': '"\'"\'"\' idiot ',
  'open quotes': '" you idiot ',
  'quote cue': 'the word "idiot" ',
  'many slurs': 'retard fag kike spic chink ',
  leet: '1d10t r3t4rd f4gg0t ',
  hyphens: 'a-b-c-d-e-f-g-h-',
  apostrophes: "a'b'c'd'e'f'g'h'",
  'zwj emoji': '👨‍👩‍👧‍👦',
  'bidi controls': '\u202eidiot\u202c ',
  'spaced slur': 'r e t a r d ',
  'dotted slur': 'r.e.t.a.r.d ',
  'look-alike letters': 'іdіоt ',
  cyrillic: 'привет мир дурак ',
  cjk: '你好世界傻瓜',
  arabic: 'مرحبا بالعالم غبي ',
  numbers: '1234567890 ',
  urls: 'http://idiot.com/retard?x=1 ',
  emails: 'idiot@retard.com ',
  hashtags: '#idiot #retard ',
  mentions: '@idiot @retard ',
  newlines: 'idiot\n',
  tabs: 'you\tidiot\t',
  negation: 'you are not an idiot, ',
  'second person': 'you you you you ',
  'target words': 'democrats republicans liberals ',
  partisan: 'demonrats libtards trumptards ',
  'repeated letters': 'idiiiiiiiiiiiiiiiiiiiiiot ',
  'long word': 'supercalifragilisticexpialidocious ',
  'allow-near words': 'cigarette fag cigarette ',
  html: '<b>idiot</b> <i>retard</i> ',
  masked: 'f*ck sh*t r*tard ',
  glued: 'theretardidiotmoron',
  'math letters': '𝐢𝐝𝐢𝐨𝐭 ',
  fullwidth: 'ｉｄｉｏｔ ',
  'curly quote unclosed': '“you idiot ',
  parentheses: '((((idiot)))) ',
  sentences: 'Idiot. Moron! Clown? ',
  'reported speech': 'he said you are an idiot ',
};

const filter = process.argv[2];

const byDefault = createModerator();
const whole = createModerator({ maxLength: 1 << 21 });

/** Median ms of 3 calls of fn(suffix) after one untimed call; each suffix makes a new string. */
function time(fn) {
  fn('w');
  const ms = [];
  for (let i = 0; i < 3; i++) {
    gc();
    const t = performance.now();
    fn(String(i));
    ms.push(performance.now() - t);
  }
  return median(ms);
}

if (!hasGc) console.error('(run with node --expose-gc so each call starts after a collection)');
const rows = [['unit', '1 MiB', '1 MiB as article', '20k whole', '200k whole', 'ratio', '']];
for (const [name, unit] of Object.entries(UNITS)) {
  if (filter && !name.includes(filter)) continue;
  const mib = fill(unit, 1 << 20);
  const small = fill(unit, 20_000);
  const big = fill(unit, 200_000);
  const asComment = time((x) => byDefault.moderate(mib + x));
  const asArticle = time((x) => byDefault.moderate('you idiot', { article: mib + x }));
  const s = time((x) => whole.moderate(small + x));
  const b = time((x) => whole.moderate(big + x));
  const flag = Math.max(asComment, asArticle) > 50 || b / s > 20 ? '!' : '';
  rows.push([name, asComment, asArticle, s, b, b / s, flag].map((v, i) => (typeof v === 'number' ? (i === 5 ? `${v.toFixed(1)}x` : `${v.toFixed(1)} ms`) : v)));
  console.error(`${name} done`);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  '));
