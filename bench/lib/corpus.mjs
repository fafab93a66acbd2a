/**
 * Deterministic bench inputs. Everything here is a pure function of the seed and of the files
 * in corpus/pages, so two runs (or two machines) time exactly the same strings.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** mulberry32: tiny, fast, good enough to pick sentences; seeded so inputs never change. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
  };
}

/** Sentences of the seed pages: the vocabulary and rhythm of real news comments. */
export function pageSentences() {
  const dir = join(ROOT, 'corpus', 'pages');
  const out = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const para of text.split(/\n+/)) {
      for (const s of para.split(/(?<=[.!?”"])\s+(?=[A-Z“"])/)) {
        const t = s.trim();
        if (t.length >= 20 && t.length <= 320) out.push(t);
      }
    }
  }
  return out;
}

/**
 * Insults, epithets, slurs and profanity as readers write them, some plain, some obfuscated.
 * Plain ones are in every library's reach; obfuscated ones are where the libraries differ.
 */
export const ABUSE = [
  'You are an idiot.', 'What a moron.', 'Stupid, ignorant D-RATs.', 'Typical libtards.', 'Repugnicans, all of them.',
  'Only a retard would believe this.', 'Sleepy Joe strikes again.', 'MAGAts will never learn.', 'Shut up, you clown.',
  'This is bullshit.', 'F*ck off, liar.', 'Go to hell, you traitor.', 'What an a-hole.', 'You people are pathetic.',
  'Demonrats lie about everything.', 'Killary should be in jail.', 'r e t a r d s everywhere', 'You 1d10t.',
  'Drumpf and his cult.', 'Fuck you and your fake news.', 'What a bunch of sheeple.', 'Scumbag politicians.',
];

/** Harmless openers and closers readers add, so comments are not bare article sentences. */
const OPENERS = ['', '', '', 'Agreed.', 'Well said.', 'I disagree.', 'Nonsense.', 'Interesting.', 'Sure,', 'Honestly,', 'LOL.', 'Exactly.'];

/**
 * `count` short comments (one to three sentences, 20–600 characters), ~22 % with abuse.
 * @param {number} count
 * @param {number} seed
 */
export function shortComments(count = 5000, seed = 0xdec0) {
  const r = prng(seed);
  const sentences = pageSentences();
  const out = [];
  for (let i = 0; i < count; i++) {
    const parts = [];
    const opener = r.pick(OPENERS);
    if (opener) parts.push(opener);
    const n = 1 + r.int(3);
    for (let k = 0; k < n; k++) parts.push(r.pick(sentences));
    if (r.chance(0.22)) parts.splice(r.int(parts.length + 1), 0, r.pick(ABUSE));
    let text = parts.join(' ');
    if (text.length > 600) text = text.slice(0, 600);
    out.push(text);
  }
  return out;
}

/**
 * Comments on a site that is not in English, for the time decorum spends telling the language.
 * There is no such set in the repo or in ../shared/datasets, so these sentences were written for
 * the bench: news-comment sentences about US–Russia relations in Spanish, German, French and
 * Russian. Each comment is one to three sentences of one language.
 */
export const FOREIGN_SENTENCES = {
  spa: [
    'El presidente dijo que las relaciones con Rusia no van a mejorar este año.',
    'Las sanciones no han cambiado nada, el Kremlin sigue haciendo lo que quiere.',
    'No entiendo por qué la prensa le da tanta importancia a esta cumbre.',
    '¿Alguien cree de verdad que Moscú va a cumplir el acuerdo?',
    'Washington debería hablar menos y negociar más con los europeos.',
    'El artículo olvida mencionar lo que pasó en Ucrania el año pasado.',
    'Otra vez la misma historia: promesas en la rueda de prensa y nada después.',
    'Estoy de acuerdo con el ministro, el diálogo es la única salida.',
  ],
  deu: [
    'Der Präsident sagte, dass sich die Beziehungen zu Russland nicht verbessern werden.',
    'Die Sanktionen haben bisher wenig bewirkt, das muss man ehrlich sagen.',
    'Warum berichtet niemand über die Folgen für die europäische Energieversorgung?',
    'Ich halte dieses Treffen in Genf für reine Symbolpolitik.',
    'Moskau und Washington reden seit Jahren aneinander vorbei.',
    'Der Artikel ist gut recherchiert, aber das Fazit überzeugt mich nicht.',
    'Ohne Vertrauen wird es keinen neuen Abrüstungsvertrag geben.',
    'Die Regierung sollte endlich eine klare Linie finden.',
  ],
  fra: [
    'Le président a dit que les relations avec la Russie ne vont pas s’améliorer.',
    'Les sanctions n’ont rien changé, le Kremlin fait toujours ce qu’il veut.',
    'Je ne comprends pas pourquoi la presse accorde autant d’importance à ce sommet.',
    'Qui croit vraiment que Moscou va respecter cet accord ?',
    'Washington devrait parler moins et négocier davantage avec les Européens.',
    'L’article oublie de mentionner ce qui s’est passé en Ukraine l’an dernier.',
    'Encore la même histoire : des promesses à la conférence de presse, puis rien.',
    'Je suis d’accord avec le ministre, le dialogue reste la seule issue.',
  ],
  rus: [
    'Президент сказал, что отношения с Россией в этом году не улучшатся.',
    'Санкции ничего не изменили, Кремль по-прежнему делает что хочет.',
    'Не понимаю, почему пресса придаёт этой встрече такое значение.',
    'Кто-нибудь правда верит, что Москва выполнит это соглашение?',
    'Вашингтону стоило бы меньше говорить и больше договариваться с европейцами.',
    'В статье забыли упомянуть, что случилось на Украине в прошлом году.',
    'Опять одно и то же: обещания на пресс-конференции, а потом ничего.',
    'Согласен с министром, диалог остаётся единственным выходом.',
  ],
};

/** `count` non-English comments (see FOREIGN_SENTENCES), languages in turn, sentences picked by the seed. */
export function foreignComments(count = 5000, seed = 0xf0e1) {
  const r = prng(seed);
  const languages = Object.keys(FOREIGN_SENTENCES);
  const out = [];
  for (let i = 0; i < count; i++) {
    const sentences = FOREIGN_SENTENCES[languages[i % languages.length]];
    const n = 1 + r.int(3);
    const parts = [];
    for (let k = 0; k < n; k++) parts.push(r.pick(sentences));
    out.push(parts.join(' '));
  }
  return out;
}

/** `count` long comments of 2–8 KB each (length uniform in [2048, 8192]), ~30 % with abuse. */
export function longComments(count = 250, seed = 0x10ca1) {
  const r = prng(seed);
  const sentences = pageSentences();
  const out = [];
  for (let i = 0; i < count; i++) {
    const target = 2048 + r.int(8192 - 2048 + 1);
    const parts = [];
    let len = 0;
    while (len < target) {
      const s = r.chance(0.03) ? r.pick(ABUSE) : r.pick(sentences);
      parts.push(s);
      len += s.length + 1;
    }
    out.push(parts.join(r.chance(0.3) ? '\n\n' : ' ').slice(0, target));
  }
  return out;
}

/** Repeats `unit` until the string is exactly `size` UTF-16 units long (cut at a code-point boundary when possible). */
export function fill(unit, size) {
  let s = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return s;
}

/** A deterministic vocabulary of `n` distinct words: page words, abuse words and made-up ones. */
function vocabulary(n, r) {
  const words = new Set();
  for (const s of pageSentences()) for (const w of s.split(/\s+/)) if (w) words.add(w);
  for (const s of ABUSE) for (const w of s.split(/\s+/)) if (w) words.add(w);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  while (words.size < n) {
    let w = '';
    const len = 3 + r.int(9);
    for (let k = 0; k < len; k++) w += letters[r.int(26)];
    words.add(w);
  }
  return [...words].slice(0, n);
}

/**
 * Adversarial inputs of `size` UTF-16 code units (1 MB = 1,048,576). Each targets one stage
 * that could go quadratic or blow up: runs, token splitting, normalisation, caches, matching.
 */
export function adversarial(size = 1 << 20, seed = 0xbad) {
  const r = prng(seed);
  const vocab = vocabulary(10_000, r);
  let words = '';
  while (words.length < size) words += vocab[r.int(vocab.length)] + ' ';
  let token = '';
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const chunk = [];
  for (let i = 0; i < 4096; i++) chunk.push(alphabet[r.int(alphabet.length)]);
  token = fill(chunk.join(''), size);
  return {
    'one letter': fill('a', size),
    spaces: fill(' ', size),
    punctuation: fill('!?.,;:-*#"\'()', size),
    'giant token': token,
    'spaced letters': fill('a ', size),
    '10k words': words.slice(0, size),
    'insult repeated': fill('you idiot ', size),
    // A leet-spelled slur that is also a homonym ("fag": a cigarette): every hit reads its
    // sentence for the words that make it innocent, and here the sentence is the whole text.
    'homonym repeated': fill('f4g ', size),
    // A misspelling read as a listed word of another length ("idiota" as "idiot"): every hit's
    // span is mapped back through the respelling.
    'respelled repeated': fill('idiota ', size),
    // Masked words ("f*ck"): each is read against the terms it could hide (demask in match.ts).
    'masked repeated': fill('f*ck sh*t r*tard ', size),
    'surrogates + zero-width': fill('\uD800a\u200b\uDFFF\u200d\uFEFFb\uDC00\u2060', size),
  };
}

/** Labelled fixtures for training benches: rows of train.jsonl, repeated with small variations to reach `n`. */
export function trainingFixtures(n, seed = 0x7a1) {
  const rows = readFileSync(join(ROOT, 'corpus', 'fixtures', 'train.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));
  const r = prng(seed);
  const out = [];
  for (let i = 0; i < n; i++) {
    const base = rows[i % rows.length];
    if (i < rows.length) {
      out.push(base);
      continue;
    }
    // Vary the copy: an opener and a sentence from another row, so features and counts change.
    const other = rows[r.int(rows.length)];
    const extra = other.text.split(/(?<=[.!?])\s+/)[0] ?? '';
    out.push({ ...base, id: `${base.id}-v${i}`, text: `${r.pick(OPENERS)} ${base.text} ${r.chance(0.5) ? extra : ''}`.trim() });
  }
  return out;
}
