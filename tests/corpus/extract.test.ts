import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { extractPage, type ExtractedPage } from '../../src/corpus/extract.js';
import { DecorumError } from '../../src/errors.js';

const SEEDS = fileURLToPath(new URL('../../corpus/pages/', import.meta.url));
const UNSEEN = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));

function load(dir: string, file: string): ExtractedPage {
  return extractPage(readFileSync(dir + file, 'utf8'), file);
}

/** [author, text] pairs, the shape every expectation below is written in. */
function pairs(page: ExtractedPage): Array<[string | null, string]> {
  return page.comments.map((c) => [c.author, c.text]);
}

/** Furniture strings named in the brief and seen on the pages: none may leak into a comment. */
const FURNITURE = [
  'What do you think?',
  'pledges',
  'Upvote',
  'Downvote',
  'newest oldest most voted',
  'Notify of',
  'Do you agree',
  'View Results',
  'Loading ...',
  'cookies',
  'Please enter your comment!',
  'Please enter your name here',
  'Leave a Reply',
  'Your email address will not be published.',
  'Continue Reading',
  'Connect with us',
  'All news',
  'FILE PHOTO',
  'REUTERS/',
  'Copyright',
  'DISCLOSURE',
  'RELATED:',
  'Entrepreneur Andrew Yang',
  'Democratic Governor Will Face Run-Off',
  'says:',
];

describe('extractPage on the seed pages', () => {
  it('000: four comments, the last one without an author, and no related headline', () => {
    const page = load(SEEDS, '000_c77d67156aba59e4.txt');
    expect(pairs(page)).toEqual([
      [
        'War Eagle',
        'Putin and Trump could have agreed to hold Syria in place, support Kurdistan’s independence, supported repatriation of Turkey’s war refugees, jointly crushed the Houti (sp?) rebels from being Iran’s back door disruptors of the oil corridor.',
      ],
      ['Qaz Wiz', 'you know something is wrong when Russians know what is wrong with American politics more than Americans.'],
      [
        'william jackson',
        [
          'Putin is willing to better relations with USA.',
          'Trump willing to better relations with Russia.',
          'Who is dragging their feet with bettering the USA/Rissia relationship?',
          'I thought so—–stupid, ignorant D-RATs.',
          'Good for nothing, back stabbing, foolish D-RATs.',
          'The only thing the D-RATs want to better is their own wealth.',
          'Hypocritical D-RATs.',
        ].join('\n'),
      ],
      [
        null,
        'Putin is right. The TDS’ers in congress are harming our country from all angles. They think their DS ploy will end up working. It won’t.',
      ],
    ]);
  });

  it('000: title, article and furniture are split apart', () => {
    const page = load(SEEDS, '000_c77d67156aba59e4.txt');
    expect(page.title).toBe('Putin Says Trump Not to Blame for Lack of Improvement in Russia-U.S. Ties');
    expect(page.article.startsWith('Moscow is not blaming U.S. President Donald Trump')).toBe(true);
    expect(page.article.endsWith('The interview was aired on Sunday ahead of Putin’s visit to Saudi Arabia on Oct. 14.')).toBe(true);
    expect(page.article).not.toContain('REUTERS/');
    expect(page.article).not.toContain('What do you think?');
    expect(page.furniture).toEqual(
      expect.arrayContaining([
        '12 pledges',
        'Notify of',
        'Entrepreneur Andrew Yang’s Quixotic U.S. Presidential Campaign Gets Serious',
        'Louisiana’s Democratic Governor Will Face Run-Off Election Against Republican',
      ]),
    );
    expect(page.furniture.some((f) => f.startsWith('FILE PHOTO:'))).toBe(true);
    expect(page.furniture).not.toContain('War Eagle');
  });

  it('004: four "says:" comments with their indentation removed', () => {
    const page = load(SEEDS, '004_eb92b6f7c7bc55da.txt');
    expect(pairs(page)).toEqual([
      [
        'PithyKat',
        'He’s absolutely right – bejing biden undermined everywhere Trump triumphed – We send a knowing demented clown to represent us so I have to believe for some reason, this has a motive behind it – possibly pave the way for obama-lama-ding-dang’s return? Extremely important because we’ll need Russia as an ally against China who’s the real enemy of the USA so which democrat genius made that decision? I’m beginning to think most of our politicians are on crack.',
      ],
      [
        'sherril henderson',
        'I feel certain Russia’s are in awe that we would send a absolute retard to represent the US in this meeting. If we don’t get them out of office this Country is doomed.',
      ],
      [
        'David',
        'Of cours it’s the US’s fault. Theretard tha was cheated into the White House isn’t capable of handling feeding his dog much less negotiating with intelligent brutal leaders like Putin. Xixi just gets joes lips wrapped around his noodle, they know howto play the brainless sleezebag.',
      ],
      [
        'Marilin',
        'Biden can’t even train his dog, let alone run the country. As far as human rights are concerned, Biden has no right to say anything in light of the violence in this country, and the democrats condone it.',
      ],
    ]);
  });

  it('004: the article keeps the body and drops comments, polls, captions and RELATED links', () => {
    const page = load(SEEDS, '004_eb92b6f7c7bc55da.txt');
    expect(page.title).toBe('Putin Blames US For Deterioration of US-Russia Relations');
    expect(page.article).toContain('After his summit with President Joe Biden');
    expect(page.article).toContain('Ukraine should implement the Minsk agreements');
    for (const c of page.comments) expect(page.article).not.toContain(c.text);
    for (const junk of ['RELATED:', 'View Results', 'Loading', 'Do you agree', '| featured', 'Copyright', 'Continue Reading']) {
      expect(page.article).not.toContain(junk);
    }
    expect(page.furniture).toEqual(expect.arrayContaining(['Leave a Reply', 'Your email address will not be published.', 'Connect with us']));
  });

  it.each(['001_10bba7e61c6f2ebe.txt', '002_d41fca6b1c8cec4e.txt', '003_76971db6ba90088d.txt'])('%s: no comments', (file) => {
    const page = load(SEEDS, file);
    expect(page.comments).toEqual([]);
    expect(page.article.length).toBeGreaterThan(500);
  });

  it('001-003: the title is the headline and furniture stays out of the article', () => {
    expect(load(SEEDS, '001_10bba7e61c6f2ebe.txt').title).toBe('Putin backs Trump’s intention to mend ties with Russia');
    const p2 = load(SEEDS, '002_d41fca6b1c8cec4e.txt');
    expect(p2.furniture).toContain('f');
    expect(p2.article).not.toContain('cookies');
    expect(p2.article).toContain('Tremendous potential for a good/great relationship with Russia');
    const p3 = load(SEEDS, '003_76971db6ba90088d.txt');
    expect(p3.furniture).toEqual(['Please enter your comment!', 'Please enter your name here']);
    expect(p3.article).toContain('vowed to deploy additional 1,000 troops to Poland');
  });

  it('no comment on any page contains furniture', () => {
    const all = [
      ...readdirSync(SEEDS).map((f) => load(SEEDS, f)),
      ...readdirSync(UNSEEN).map((f) => load(UNSEEN, f)),
    ];
    expect(all.length).toBeGreaterThanOrEqual(13);
    for (const page of all) {
      for (const c of page.comments) {
        for (const junk of FURNITURE) expect(c.text, `${page.doc}#${c.index}`).not.toContain(junk);
        expect(page.furniture).not.toContain(c.text);
      }
    }
  });

  it('every comment carries its doc and a running index', () => {
    const page = load(SEEDS, '000_c77d67156aba59e4.txt');
    expect(page.doc).toBe('000_c77d67156aba59e4.txt');
    expect(page.comments.map((c) => [c.doc, c.index])).toEqual([0, 1, 2, 3].map((i) => ['000_c77d67156aba59e4.txt', i]));
  });

  it('"\\r\\n" line endings give the same result as "\\n"', () => {
    for (const file of ['000_c77d67156aba59e4.txt', '004_eb92b6f7c7bc55da.txt']) {
      const lf = readFileSync(SEEDS + file, 'utf8');
      expect(extractPage(lf.replace(/\n/g, '\r\n'), file)).toEqual(extractPage(lf, file));
    }
  });
});

/** Pages the extractor was not tuned on, written for these tests, with their expected comments. */
const UNSEEN_EXPECTED: Record<string, Array<[string | null, string]>> = {
  '100_discuz_pledges.txt': [
    ['maria lopez', 'Talks are better than another arms race. Why would anyone object to that?'],
    ['Dan', 'First!'],
    [
      'Jean-Luc de la Tour',
      'The treaty only covers deployed warheads.\n\nTactical weapons are the real problem and nobody wants to talk about them.',
    ],
    [null, 'Nobody in Moscow believes a word Washington says anymore, and the feeling is mutual.'],
  ],
  '101_says_style.txt': [
    ['john', 'Nobody wins a war like this. Keep talking.'],
    ['Mary Ann Smith', 'Why would Moscow compromise now? It thinks time is on its side.\n\nThe sanctions have not changed that calculation at all.'],
    ['Dmitri K', 'First!'],
  ],
  '102_no_comments.txt': [],
  '103_crlf_one_comment.txt': [['Sam O\'Neill', 'A gas union sounds like Moscow tightening its grip on the region.\nThe smaller states get little say.']],
  '104_comments_header_meta.txt': [
    ['OldHand77', 'Seven years for reporting. That tells you everything about the state of the courts there.'],
    ['cat lover', 'Is there any chance the appeal succeeds?'],
    ['P. J. Harvey', 'Not a chance.'],
  ],
  '105_says_crlf_timestamps.txt': [
    ['Olga', 'Prices at my local market went up a third this year.'],
    ['ted b', 'Will a higher rate actually help?\nI doubt it.'],
  ],
  '106_no_marker.txt': [],
  '107_form_before_comments.txt': [
    ['Ivan P.', 'A bridge is a bridge. It will outlast all of these politicians.'],
    ['natasha', 'Who paid for it?'],
  ],
};

describe('extractPage on unseen pages', () => {
  it('has an expectation for every fixture page, and at least six of them', () => {
    expect(readdirSync(UNSEEN).sort()).toEqual(Object.keys(UNSEEN_EXPECTED).sort());
    expect(Object.keys(UNSEEN_EXPECTED).length).toBeGreaterThanOrEqual(6);
  });

  it.each(Object.entries(UNSEEN_EXPECTED))('%s', (file, expected) => {
    expect(pairs(load(UNSEEN, file))).toEqual(expected);
  });

  it('the "\\r\\n" fixtures really use "\\r\\n"', () => {
    for (const file of ['103_crlf_one_comment.txt', '105_says_crlf_timestamps.txt']) {
      const raw = readFileSync(UNSEEN + file, 'utf8');
      expect(raw).toContain('\r\n');
      expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
    }
  });

  it('stops at related headlines and captions after the comments', () => {
    const page = load(UNSEEN, '100_discuz_pledges.txt');
    expect(page.furniture).toEqual(
      expect.arrayContaining([
        '3 pledges',
        'Senate Panel Advances Bill To Expand Sanctions On Russian Banks',
        'Oil Prices Climb As Traders Weigh Supply Risks',
      ]),
    );
    expect(page.article).not.toContain('Reporting by');
    expect(page.article).not.toContain('REUTERS');
  });

  it('skips timestamps and Reply links between comments', () => {
    const page = load(UNSEEN, '104_comments_header_meta.txt');
    expect(page.furniture).toEqual(expect.arrayContaining(['2 days ago', 'Reply', 'March 3, 2023 at 9:14 pm', 'You may also like']));
  });

  it('a comment count under the byline does not turn the article into comments', () => {
    const page = load(UNSEEN, '107_form_before_comments.txt');
    expect(page.title).toBe('Putin Opens Bridge To Crimea');
    expect(page.article).toContain('opened a road bridge linking southern Russia to Crimea');
    expect(page.article).toContain('Ukraine said the bridge was illegal');
    expect(page.article).not.toContain('Staff Writer');
    expect(page.furniture).toEqual(expect.arrayContaining(['World', 'Website', 'Post Comment']));
  });

  it('without a comment widget, short name-like lines in the article stay article', () => {
    const page = load(UNSEEN, '106_no_marker.txt');
    expect(page.article).toContain('Analysts said the visit was meant to show');
    expect(page.furniture).toEqual(['f', 'Connect with us']);
  });
});

describe('extractPage edge cases', () => {
  it('handles an empty or blank page', () => {
    for (const page of ['', '\n\n', '\r\n  \r\n', '   ']) {
      expect(extractPage(page, 'x.txt')).toEqual({ doc: 'x.txt', title: '', article: '', comments: [], furniture: [] });
    }
  });

  it('rejects a non-string page with DecorumError INVALID_INPUT', () => {
    for (const bad of [undefined, null, 42, {}, ['a'], Buffer.from('a')]) {
      let caught: unknown;
      try {
        extractPage(bad as unknown as string, 'x.txt');
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(DecorumError);
      expect((caught as DecorumError).code).toBe('INVALID_INPUT');
    }
  });

  it('author lines directly above their text and a repeated name are read as one comment each', () => {
    const page = [
      'Russia Hosts Talks On Afghanistan',
      '',
      'Russia hosted talks on Afghanistan on Wednesday with delegations from China, Pakistan and Iran attending the meeting.',
      '',
      '2 Comments',
      'Notify of',
      'Lucy',
      'Sanctions only hurt ordinary people.',
      '',
      'Bob',
      '',
      'Bob',
      '',
      'Make America Great Again',
      '',
      'Europe Faces Gas Shortage As Winter Approaches',
    ].join('\n');
    expect(pairs(extractPage(page, 'inline.txt'))).toEqual([
      ['Lucy', 'Sanctions only hurt ordinary people.'],
      ['Bob', 'Make America Great Again'],
    ]);
  });

  it('a widget with nothing after it yields no comments', () => {
    const page = 'Some Headline About Russia\n\nA body paragraph that is long enough to count as the article body of the page.\n\nWhat do you think?\n\n0 pledges\nUpvote Downvote\nNotify of\n';
    const out = extractPage(page, 'empty.txt');
    expect(out.comments).toEqual([]);
    expect(out.furniture).toEqual(['What do you think?', '0 pledges', 'Upvote Downvote', 'Notify of']);
  });

  it('never throws on arbitrary strings, and comment text is trimmed and non-empty', () => {
    const pieces = fc.constantFrom(
      '\n', '\r\n', '\n\n\n', '  • Ann says:\n', '    Indented text here.\n', 'Notify of\n', 'War Eagle\n',
      'What do you think?\n', 'First!\n', 'FILE PHOTO: x\n', 'Copyright © 2020\n', 'A Title Case Headline Goes Here\n',
      'A sentence that ends with a period.\n', 'says:', '•', '\u00a0', '\uFEFF', '\u2028',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string(), fc.string({ unit: 'binary' })), { maxLength: 40 }), (parts) => {
        const out = extractPage(parts.join(''), 'fuzz.txt');
        out.comments.forEach((c, i) => {
          expect(c.index).toBe(i);
          expect(c.text.length).toBeGreaterThan(0);
          expect(c.text).toBe(c.text.trim());
        });
      }),
      { numRuns: 300 },
    );
  });

  it('scales linearly on long, pathological lines (10x input, not 100x work)', () => {
    const page = (n: number) => {
      const long = ['reply' + ' '.repeat(5 * n) + 'x', 'newest' + ' '.repeat(5 * n) + '!', 'a'.repeat(20 * n), 'Word '.repeat(4 * n)].join('\n\n');
      return `Title Of The Page\n\n${long}\n\nNotify of\n${long}`;
    };
    // Median of several runs: a ratio of medians is robust to a noisy machine; a quadratic
    // scan (the bug this guards against) would show ~100x here, linear work ~10x.
    const median = (n: number) => {
      const text = page(n);
      const times = [0, 1, 2, 3, 4].map(() => {
        const start = performance.now();
        extractPage(text, 'long.txt');
        return performance.now() - start;
      });
      return times.sort((a, b) => a - b)[2]!;
    };
    median(1_000);
    const small = median(1_000);
    const large = median(10_000);
    expect(large / Math.max(small, 0.05)).toBeLessThan(30);
  });
});
