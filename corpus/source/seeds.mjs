// Which lines of each seed page are article, reader comment or page furniture.
//
// The pages in corpus/pages are fixed, so lines are addressed by their 1-based
// line number; `expect` is the start of the trimmed line and is checked on every
// build, so a changed page fails loudly instead of producing shifted rows.
//
// Comment labels follow /work/shared/LABELS.md (see corpus/fixtures/README.md for
// the reasoning on each one).

export const SEEDS = [
  {
    file: '000_c77d67156aba59e4.txt',
    article: [
      [1, 'Putin Says Trump Not to Blame'],
      [6, 'Moscow is not blaming'],
      [8, '“We know that'],
      [10, '“But we have no claims'],
      [12, 'Putin said the “internal'],
      [14, 'Putin also said Russia had weapons'],
      [16, '“This obviously poses'],
      [18, 'The interview was aired'],
    ],
    furniture: [
      [3, 'U.S. President Donald Trump and Russia'], // photo caption
      [4, 'REUTERS/Marcos Brindicci'], // photo credit
      [20, '(Reporting by Maria Kiselyova'], // wire credit line
      [22, 'What do you think?'],
      [24, '12 pledges'],
      [25, 'Upvote Downvote'],
      [28, 'newest oldest most voted'],
      [29, 'Notify of'],
      [30, 'War Eagle'], // commenter name (printed twice, lines 30 and 31)
      [35, 'Qaz Wiz'],
      [39, 'william jackson'],
      [56, 'Entrepreneur Andrew Yang'], // related headline
      [58, 'FILE PHOTO: Louisiana Governor'], // related photo caption
      [60, 'Louisiana’s Democratic Governor'], // related headline
    ],
    comments: [
      { lines: [33, 33], expect: 'Putin and Trump could have agreed', labels: [] },
      { lines: [37, 37], expect: 'you know something is wrong', labels: [] },
      // "stupid, ignorant D-RATs", "foolish D-RATs": insult + epithet.
      { lines: [41, 47], expect: 'Putin is willing to better', labels: ['insult', 'partisan_epithet'], side: 'L' },
      // "TDS’ers" is an epithet; nothing else in it attacks anyone.
      { lines: [50, 50], expect: 'Putin is right. The TDS', labels: ['partisan_epithet'], side: 'L' },
    ],
  },
  {
    file: '001_10bba7e61c6f2ebe.txt',
    article: [
      [3, 'Putin backs Trump'],
      [5, 'The president says Moscow hopes'],
      [7, 'TOKYO, December 13.'],
      [9, '"The US President-elect'],
      [11, '"We cannot but support this.'],
      [13, '"I must admit'],
      [15, '"We are ready to meet'],
      [17, 'Putin recalled that'],
      [19, '"We have seen very clearly'],
      [21, 'Putin also stated that'],
      [23, '"There are also fundamental issues'],
    ],
    furniture: [[1, 'All news']],
    comments: [],
  },
  {
    file: '002_d41fca6b1c8cec4e.txt',
    article: [
      [1, 'Putin says U.S.-Russia relations'],
      [3, 'Russian President Vladimir Putin says'],
      [5, '"Our relations with the United States'],
      [7, 'The Russia president said he hoped'],
      [9, '"I think it is inevitable'],
      [11, 'The Trump administration has hit'],
      [13, 'Mr. Trump himself has gone easy'],
      [15, 'The Mueller report did not'],
    ],
    furniture: [
      [17, 'f'], // stray character left by the page template
      [19, 'We and our partners use cookies'],
    ],
    comments: [],
  },
  {
    file: '003_76971db6ba90088d.txt',
    article: [
      [1, 'Vladimir Putin: US-Russia relations'],
      [5, 'Moscow, June 13:'],
      [7, 'According to Reuters news reports'],
      [9, 'Russia-US relations remain soared'],
      [11, '“They (our relations)'],
      [13, '“The current administration'],
      [15, 'The Russian president has contrasted'],
      [17, 'On Wednesday, the US president'],
      [19, '“…We really hope'],
      [21, '“That with all of our partners'],
      [23, 'Trump stated he hoped'],
    ],
    furniture: [
      [3, 'angry presidents'], // image alt text
      [27, 'Please enter your comment!'],
      [28, 'Please enter your name here'],
    ],
    comments: [],
  },
  {
    file: '004_eb92b6f7c7bc55da.txt',
    article: [
      [5, 'Putin Blames US For Deterioration'],
      [11, 'After his summit with President Joe Biden'],
      [15, 'Meeting With Biden'],
      [17, 'Putin also said that his summit'],
      [19, 'In a press conference'],
      [21, 'Cyberattacks Came From US'],
      [23, 'Among the topics discussed'],
      [25, 'Meanwhile, Putin also lauded'],
      [27, 'Asked On Navalny'],
      [29, 'On the subject of Russian dissident'],
      [31, 'US intelligence suggests'],
      [34, 'When pressed about Navalny'],
      [36, 'When asked why all of his political'],
      [38, 'US Foreign Policy'],
      [40, 'The Russian President also said'],
      [42, 'Later on, he also said'],
      [44, 'Putin also revealed'],
      [46, 'No Invites To The White House'],
      [48, 'In addition, Putin remarked'],
      [50, 'Whether the summit is a beginning'],
      [52, '” He added that'],
      [54, 'Watch the CNBC Television video'],
    ],
    furniture: [
      [1, 'Connect with us'],
      [3, 'US-Russia Relations'], // section label
      [9, 'Illustration of Joe Biden Against Putin'], // image caption
      [13, 'RELATED: After Killer Comments'], // related headline
      [56, 'Do you agree that the US is at fault'], // poll question
      [58, 'View Results'],
      [60, 'Loading ...'],
      [62, 'Do you agree with Russian President'], // engagement prompt under the poll
      [64, 'Will that help both countries'],
      [66, 'Continue Reading'],
      [69, '• PithyKat says:'],
      [73, '• sherril henderson says:'],
      [77, '• David says:'],
      [81, '• Marilin says:'],
      [85, 'Leave a Reply'],
      [87, 'Your email address will not be published.'],
      [89, 'Copyright © 2020 Breaking News Alerts.'],
    ],
    comments: [
      // "bejing biden", "obama-lama-ding-dang": epithets; "knowing demented clown",
      // "politicians are on crack": insults.
      { lines: [71, 71], expect: 'He’s absolutely right', labels: ['insult', 'partisan_epithet'], side: 'L' },
      // "a absolute retard" aimed at the president: the slur is the attack; no
      // further insulting word (same reading as LABELS' "Libtards and their
      // retarded Russia hoax", which is not labelled insult).
      { lines: [75, 75], expect: 'I feel certain Russia', labels: ['slur'] },
      // "Theretard" (glued slur) + "brainless sleezebag" (insult).
      { lines: [79, 79], expect: 'Of cours it’s the US’s fault.', labels: ['slur', 'insult'] },
      // Harsh criticism of competence and of "the democrats" (neutral name): clean.
      { lines: [83, 83], expect: 'Biden can’t even train his dog', labels: [] },
    ],
  },
];
