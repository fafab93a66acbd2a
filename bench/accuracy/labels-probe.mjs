#!/usr/bin/env node
/**
 * LABELS.md, clause by clause: 358 comments written for this probe (none from the evaluation
 * datasets), each with what the clause it tests says decorum must or must not do, run through the
 * built moderator. It reports passes per clause and every failure. It is an evaluation, not a test:
 * it shows where decorum departs from its own labelling guide (README, "What it catches").
 *
 *   npm run build && node bench/accuracy/labels-probe.mjs [--all] [--json FILE]
 *
 * --all also lists the probes that pass; --json writes every probe and verdict to FILE.
 */
import { writeFileSync } from 'node:fs';
import { createModerator } from '../../dist/index.js';

const ALL = ['slur', 'insult', 'partisan_epithet', 'off_topic'];

// ---------------------------------------------------------------- articles (written for this probe)
const RU = `Putin blames Washington as US-Russia relations sink to post-Cold War low.
MOSCOW — Russian President Vladimir Putin on Tuesday accused the United States of wrecking relations
between the two countries, saying years of sanctions, NATO expansion toward Russia's borders and the
expulsion of Russian diplomats had left ties at their lowest point since the Cold War. The Kremlin said
Foreign Minister Sergei Lavrov would not meet the US secretary of state this month. In Washington, the
White House said Moscow's war in Ukraine, election interference and cyberattacks left the administration
no choice. Lawmakers in Congress, Democrats and Republicans alike, are weighing new sanctions on Russian
banks and oil and gas exports. Analysts warned that the New START arms-control treaty could lapse without a
summit between the two presidents, and that embassies in both capitals are running on skeleton staff.`;

const BASEBALL = `Yankees lose in the ninth again as bullpen woes continue.
NEW YORK — The Yankees' bullpen gave up four runs in the ninth inning on Sunday, handing the Red Sox a
6-5 win at Yankee Stadium. The manager defended his closer after the game, but fans booed as the relief
pitchers walked off. It was the team's fifth blown save this month and the pitching coach's job is under scrutiny.`;

const RECIPE = `A slow-cooked beef stew for cold nights.
Brown the beef in batches, add onions, carrots and garlic, deglaze with red wine and simmer for three
hours. Season with salt, pepper, thyme and a bay leaf. Serve with crusty bread or mashed potatoes.`;

// ---------------------------------------------------------------- probes
// must: labels that must be assigned; not: labels that must NOT be assigned (others: don't care)
// act: 'reject' | 'notReject' | 'allow' (allow: review = debatable, reject = violation) | 'notAllow'
// deb: reason the expectation itself is debatable (a failure is then reported as debatable)
const P = [];
const add = (clause, pol, text, o = {}) => P.push({ clause, pol, text, article: o.article === undefined ? RU : o.article, must: o.must ?? [], not: o.not ?? [], act: o.act, deb: o.deb });
const CLEAN = { not: ALL, act: 'allow' };

// ===== SLUR =====
// S1 identity slurs (race, ethnicity, nationality, religion, sex/gender, orientation, disability)
const S1 = 'slur: identity slur (race, ethnicity, nationality, religion, sex/gender, orientation, disability)';
add(S1, '+', 'The Kremlin has been run by a bunch of kikes from the start, wake up.', { must: ['slur'], act: 'reject' });
add(S1, '+', 'Send the ragheads home first, then worry about Moscow.', { must: ['slur'], act: 'reject' });
add(S1, '+', 'Those chinks in Beijing are laughing at both Washington and Moscow right now.', { must: ['slur'], act: 'reject' });
add(S1, '+', 'Only a faggot would take Putin at his word on troop withdrawals.', { must: ['slur'], act: 'reject' });
add(S1, '+', 'Let the trannies at the State Department negotiate with Lavrov then, see how that goes.', { must: ['slur'], act: 'reject' });
add(S1, '+', 'Wetbacks crossing the border are a bigger threat to us than Russia ever was.', { must: ['slur'], act: 'reject' });
add(S1, '+', 'Half the Russian conscripts are spastics who can barely hold a rifle.', { must: ['slur'], act: 'reject' });
add(S1, '-', 'Russians, Ukrainians and Americans all lose from this standoff.', CLEAN);
add(S1, '-', 'Muslim and Jewish community leaders in Moscow condemned the expulsions.', CLEAN);
add(S1, '-', 'As a gay man I would never travel to Russia under its current laws.', CLEAN);
add(S1, '-', 'Disabled veterans deserve better than another expensive arms race with Moscow.', CLEAN);
add(S1, '-', 'The Chinese government is watching this feud very closely and taking notes.', CLEAN);
add(S1, '-', 'Black and Hispanic voters in my district care more about rent than about the Kremlin.', CLEAN);
add(S1, '-', 'Transgender soldiers serve in the US army; Russia bans them. That difference matters.', CLEAN);

// S2 ableist slurs used as insults
const S2 = 'slur: ableist slurs used as insults ("retard", "retarded", "tards")';
add(S2, '+', 'Anyone who thinks Putin wants peace is retarded.', { must: ['slur'], act: 'reject' });
add(S2, '+', 'The tards in the State Department just handed Moscow another win.', { must: ['slur'], act: 'reject' });
add(S2, '+', 'Lavrov must think we are all retards.', { must: ['slur'], act: 'reject' });
add(S2, '+', 'Expelling diplomats in retaliation is the most retarded move I have seen this year.', { must: ['slur'], act: 'reject' });
add(S2, '+', 'What a spaz. He could not even read the sanctions list without stumbling.', { must: ['slur'], act: 'reject' });
add(S2, '+', 'Only a mongoloid would believe the Kremlin press office.', { must: ['slur'], act: 'reject' });
add(S2, '-', 'People with Down syndrome were among the civilians evacuated from Kharkiv.', CLEAN);
add(S2, '-', 'My brother has an intellectual disability and he understands sanctions better than Congress does.', CLEAN);
add(S2, '-', 'The State Department was tardy with its reply to the Russian note.', CLEAN);
add(S2, '-', 'Hoist with his own petard: Putin now lives under the sanctions he used to mock.', CLEAN);
add(S2, '-', 'Sanctions have retarded Russia\'s economic growth by roughly two percent a year.', { ...CLEAN, deb: 'verb "retard" (to slow) is the word itself, not just its letters; LABELS does not address the non-slur verb sense' });

// S3 evasive spellings
const S3 = 'slur: any spelling meant to slip past a filter (leet, spaced, symbols, Cyrillic letter, glued)';
add(S3, '+', 'Anyone cheering for Moscow in this thread is a r3tard.', { must: ['slur'], act: 'reject' });
add(S3, '+', 'The r e t a r d s running the Pentagon walked right into this.', { must: ['slur'], act: 'reject' });
add(S3, '+', 'Bunch of f@ggots in the Duma voting for war.', { must: ['slur'], act: 'reject' });
add(S3, '+', 'The senator is a r\u0435tard and so is his Russia bill.', { must: ['slur'], act: 'reject' }); // Cyrillic е
add(S3, '+', 'Only f\u0430ggots trust Lavrov.', { must: ['slur'], act: 'reject' }); // Cyrillic а
add(S3, '+', 'Theretards in Congress never learn anything about Russia.', { must: ['slur'], act: 'reject' });
add(S3, '+', 'whataretard, the guy actually believes the Kremlin timeline', { must: ['slur'], act: 'reject' });
add(S3, '+', 'r.e.t.a.r.d.e.d take on NATO, as usual from you', { must: ['slur'], act: 'reject' });
add(S3, '+', 'The n1gg3rs in my city have nothing to do with Russia, stop blaming them.', { must: ['slur'], act: 'reject' });
add(S3, '-', 'Th3 r3set with Russ1a failed the day it started.', CLEAN);
add(S3, '-', 'S a n c t i o n s are the only language the Kremlin understands.', CLEAN);
add(S3, '-', 'We need a f@st, coordinated response to Moscow, not more hearings.', CLEAN);
add(S3, '-', 'r e a d the treaty text before you comment on New START.', CLEAN);
add(S3, '-', 'The Russian p0sition has not changed in twenty years.', CLEAN);

// S4 containing a slur's letters
const S4 = 'slur NOT: a word that merely contains a slur\'s letters ("flame retardant", "Scunthorpe")';
add(S4, '+', 'Fire retardant makers are raising prices after Russian chemical exports were cut.', CLEAN);
add(S4, '+', 'A Scunthorpe steelworker asks why Russian steel is still being imported.', CLEAN);
add(S4, '+', 'Gen. Mark Milley and Dick Durbin both warned about the Kremlin\'s timeline.', CLEAN);
add(S4, '+', 'Niger and Mali have drifted toward Moscow while Washington looked away.', CLEAN);
add(S4, '+', 'The Kremlin\'s assessment of NATO is a classic case of projection.', CLEAN);
add(S4, '+', 'Sanctions on Russian mustard and sunflower oil hit Europe hardest.', CLEAN);
add(S4, '+', 'Moscow was niggardly with details about the prisoner exchange.', { ...CLEAN, deb: '"niggardly" is unrelated etymologically but widely flagged' });
add(S4, '-', 'You are a retard if you think the sanctions will work.', { must: ['slur'], act: 'reject' });
add(S4, '-', 'Scunthorpe has more sense than the retards in Congress.', { must: ['slur'], act: 'reject' });
add(S4, '-', 'Flame retardant would not save that retarded plan of yours.', { must: ['slur'], act: 'reject' });
add(S4, '-', 'Shut up, tard, Russia is not our friend.', { must: ['slur'], act: 'reject' });

// S5 counter-speech
const S5 = 'slur NOT: quoting/naming a slur to condemn it (counter-speech: may review, never reject)';
add(S5, '+', 'Using "retard" as an insult says more about you than about Biden\'s Russia policy.', { not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notReject' });
add(S5, '+', 'Whoever wrote f@ggot above should be banned; there is no place for that word in a debate about sanctions.', { not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notReject' });
add(S5, '+', 'Please stop calling people retards. It is vile and it does not make your point about NATO.', { not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notReject' });
add(S5, '+', 'The word "kike" in the comment above is plain antisemitism, moderators please remove it.', { not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notReject' });
add(S5, '+', 'My son has Down syndrome, so seeing "tards" thrown around here about Congress really hurts.', { not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notReject' });
add(S5, '+', 'Calling Russian soldiers "subhuman" or "retarded" is exactly the propaganda the Kremlin uses about us.', { not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notReject' });
add(S5, '-', 'Calling them retards is just accurate at this point.', { must: ['slur'], act: 'reject' });
add(S5, '-', 'I will keep calling Lavrov a retard, deal with it.', { must: ['slur'], act: 'reject' });
add(S5, '-', '"Retard" is the only word for people who still trust Moscow.', { must: ['slur'], act: 'reject' });
add(S5, '-', 'People say you should not call the senator a retard. He is one anyway.', { must: ['slur'], act: 'reject' });
add(S5, '-', 'Anyone who says the sanctions work is a retard.', { must: ['slur'], act: 'reject' });
add(S5, '-', 'People who believe the Kremlin press office are retards.', { must: ['slur'], act: 'reject' });

// ===== INSULT =====
const I1 = 'insult: personal attack / derogatory name at a person or group (commenters, author, politicians, voters)';
add(I1, '+', 'You absolute buffoon, read the article before commenting.', { must: ['insult'], not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notAllow' });
add(I1, '+', 'Lavrov is a spineless weasel and always has been.', { must: ['insult'], not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notAllow' });
add(I1, '+', 'Anyone who voted for these senators is a gullible halfwit.', { must: ['insult'], not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notAllow' });
add(I1, '+', 'The author is a Kremlin stooge and a hack.', { must: ['insult'], not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notAllow' });
add(I1, '+', 'Biden and Putin are two senile old goats bickering over a fence.', { must: ['insult'], not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notAllow' });
add(I1, '+', 'Congress is packed wall to wall with cowardly nitwits.', { must: ['insult'], not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notAllow' });
add(I1, '+', 'Nice try, comrade. Go collect your rubles, you pathetic troll.', { must: ['insult'], not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notAllow' });
add(I1, '+', 'Ohio voters who fell for his Russia talk are a bunch of dimwits.', { must: ['insult'], not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notAllow' });
add(I1, '+', 'Putin is a murderous thug and a small, paranoid man.', { must: ['insult'], not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notAllow' });
add(I1, '+', 'Anyone who thinks Putin wants peace is an idiot.', { must: ['insult'], not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notAllow' });
add(I1, '+', 'Putin is stupid, and Lavrov is not much smarter.', { must: ['insult'], not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notAllow' });
add(I1, '+', 'Lying Lavrov strikes again with his fairy tales.', { must: ['insult'], not: ['slur', 'partisan_epithet', 'off_topic'], act: 'notAllow' });
add(I1, '-', 'Lavrov is a seasoned diplomat who knows exactly how to stall.', CLEAN);
add(I1, '-', 'The author makes a fair point about NATO expansion, though I disagree with the conclusion.', CLEAN);
add(I1, '-', 'I disagree with you, but I understand why you think sanctions work.', CLEAN);
add(I1, '-', 'Putin is a former KGB officer, which explains a lot about his approach.', CLEAN);
add(I1, '-', 'Voters in Ohio care more about gas prices than about Moscow.', CLEAN);
add(I1, '-', 'The ambassador was recalled, and honestly I think she handled it well.', CLEAN);

const I2 = 'insult: profanity aimed at someone ("f*ck off, you lying sh!t")';
add(I2, '+', 'F*ck off, you Kremlin shill.', { must: ['insult'], act: 'notAllow' });
add(I2, '+', 'Go to hell, you two-faced bastard.', { must: ['insult'], act: 'notAllow' });
add(I2, '+', 'Shut your damn mouth, troll, nobody asked.', { must: ['insult'], act: 'notAllow' });
add(I2, '+', 'Screw you and your Putin talking points.', { must: ['insult'], act: 'notAllow' });
add(I2, '+', 'The senator is an absolute asshole on Russia.', { must: ['insult'], act: 'notAllow' });
add(I2, '+', 'Putin is a piece of sh1t and everyone knows it.', { must: ['insult'], act: 'notAllow' });
add(I2, '+', 'fuck putin', { must: ['insult'], act: 'notAllow' });
add(I2, '+', 'Fuck Lavrov and every word he says.', { must: ['insult'], act: 'notAllow' });
add(I2, '-', 'Holy shit, the embassy is down to twelve staff?', CLEAN);
add(I2, '-', 'Damn, this situation with Moscow is getting scary.', CLEAN);
add(I2, '-', 'What the fuck happened to arms control? We used to at least talk.', CLEAN);
add(I2, '-', 'This whole sanctions mess is a goddamn disaster for farmers.', CLEAN);

const I3 = 'insult NOT: criticism of an idea, policy, article or action ("that is a stupid policy", "Putin is lying about the timeline")';
add(I3, '+', 'These sanctions are a dumb idea that will backfire on Europe.', CLEAN);
add(I3, '+', 'Expelling all the diplomats is an idiotic move.', CLEAN);
add(I3, '+', 'This article is lazy and one-sided.', CLEAN);
add(I3, '+', 'Putin is lying about when the troops arrived at the border.', CLEAN);
add(I3, '+', 'The Kremlin\'s statement is a pack of lies from start to finish.', CLEAN);
add(I3, '+', 'What a ridiculous argument; NATO did not force anyone to invade.', CLEAN);
add(I3, '+', 'The White House strategy on Russia is incoherent nonsense.', CLEAN);
add(I3, '+', 'That was a stupid thing for the secretary of state to say.', CLEAN);
add(I3, '+', 'Lavrov lied about the grain deal, and the press just repeated it.', CLEAN);
add(I3, '+', 'Moscow\'s claim that Washington started this is absurd and dishonest.', CLEAN);
add(I3, '-', 'Whoever designed these sanctions is an idiot.', { must: ['insult'], act: 'notAllow' });
add(I3, '-', 'The author of this article is a lazy hack.', { must: ['insult'], act: 'notAllow' });
add(I3, '-', 'Putin is a liar and a coward.', { must: ['insult'], act: 'notAllow' });
add(I3, '-', 'The senators pushing this bill are stupid, plain and simple.', { must: ['insult'], act: 'notAllow' });
add(I3, '-', 'You are too dense to understand what a treaty is.', { must: ['insult'], act: 'notAllow' });

const I4 = 'insult NOT: profanity that targets nobody';
add(I4, '+', 'Holy crap, gas went up another forty cents since the sanctions.', CLEAN);
add(I4, '+', 'Shit, I thought New START had already been extended.', CLEAN);
add(I4, '+', 'Hell yes, finally somebody is talking to Moscow again.', CLEAN);
add(I4, '+', 'Bloody hell, skeleton staff at the embassy? That is how wars start.', CLEAN);
add(I4, '+', 'Fuck, this is depressing. Cold War 2.0 and nobody cares.', CLEAN);
add(I4, '+', 'The whole thing is fucked up beyond belief.', CLEAN);
add(I4, '-', 'Lavrov can kiss my ass.', { must: ['insult'], act: 'notAllow' });
add(I4, '-', 'Damn you Kremlin trolls and your fake accounts.', { must: ['insult'], act: 'notAllow' });
add(I4, '-', 'Shut the hell up, you paid shill.', { must: ['insult'], act: 'notAllow' });
add(I4, '-', 'The ambassador is a useless shit.', { must: ['insult'], act: 'notAllow' });

// ===== PARTISAN EPITHET =====
const PD = { insult: 'don\'t care' };
const P1 = 'partisan_epithet: derisive coinage for the left (party, members, voters, politicians)';
add(P1, '+', 'The Dumbocrats invented the whole Russia panic to cover their own failures.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(P1, '+', 'Democraps will blame Moscow for anything, even the weather.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(P1, '+', 'Libturds are suddenly hawks on Russia, funny how that works.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(P1, '+', 'Obummer handed Putin Crimea on a plate in 2014.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(P1, '+', 'Killary and her reset button started all of this.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(P1, '+', 'Sleepy Joe can barely read a teleprompter, let alone face Putin.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(P1, '+', 'The Demokkkrats never cared about Ukraine until it was useful.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(P1, '+', 'D-rats in the Senate will cave to the Kremlin like always.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(P1, '-', 'Joe Biden met Putin in Geneva in 2021 and nothing came of it.', CLEAN);
add(P1, '-', 'Hillary Clinton pushed the reset button with Lavrov in 2009.', CLEAN);
add(P1, '-', 'Obama expelled 35 Russian diplomats at the end of 2016.', CLEAN);
add(P1, '-', 'Senate Democrats want the sanctions bill on the floor by June.', CLEAN);
add(P1, '-', 'Sleazy Lavrov is at it again, lying to reporters.', { not: ['partisan_epithet'] }); // not a party coinage; insult not checked here
const P2 = 'partisan_epithet: derisive coinage for the right (party, members, voters, politicians)';
add(P2, '+', 'Rethuglicans have been cozy with Moscow for years.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(P2, '+', 'Repuglicans in the House blocked the aid package again.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(P2, '+', 'MAGAts love Putin more than they love their own country.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(P2, '+', 'The Trumpanzees will defend anything the Kremlin does.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(P2, '+', 'Moscow Mitch sat on the election security bills for two years.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(P2, '+', 'Cheeto Mussolini would have given Putin all of Ukraine by now.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(P2, '+', 'Drumpf praised Putin as a genius, remember?', { must: ['partisan_epithet'], not: ['off_topic'] });
add(P2, '+', 'The Repukes will never vote for these sanctions.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(P2, '-', 'Trump met Putin in Helsinki and sided with him over his own agencies.', CLEAN);
add(P2, '-', 'Mitch McConnell has been a Russia hawk for most of his career.', CLEAN);
add(P2, '-', 'House Republicans say the aid needs stricter oversight.', CLEAN);
add(P2, '-', 'MAGA voters I know are split on Ukraine.', CLEAN);
add(P2, '-', 'Lying Putin strikes again.', { not: ['partisan_epithet'] }); // not a party coinage; insult not checked here

const P3 = 'partisan_epithet NOT: neutral names (Democrats, Republicans, liberals, conservatives, the left/right, MAGA supporters, "I\'m a Democrat")';
add(P3, '+', 'Democrats and Republicans finally agree on something: sanctioning Russian banks.', CLEAN);
add(P3, '+', 'Liberals used to be the doves on Moscow; now conservatives are.', CLEAN);
add(P3, '+', 'The left and the right both misread Putin for twenty years.', CLEAN);
add(P3, '+', 'As a lifelong Republican, I think the White House is right on this one.', CLEAN);
add(P3, '+', 'I\'m a Democrat and I still want talks with the Kremlin.', CLEAN);
add(P3, '+', 'MAGA supporters at the rally cheered when he mentioned a summit with Putin.', CLEAN);
add(P3, '+', 'GOP senators and House Dems both signed the letter on New START.', CLEAN);
add(P3, '+', 'Progressives and Trump voters oddly agree that we should stay out of it.', CLEAN);
add(P3, '-', 'Dumbocrats and Republicants are equally useless on Russia.', { must: ['partisan_epithet'] });
add(P3, '-', 'Libtards and MAGAts, both clueless about the Kremlin.', { must: ['partisan_epithet'], deb: 'slur on "Libtards" is a don\'t-care here' });
add(P3, '-', 'Conservatards will say Putin is just defending Christianity.', { must: ['partisan_epithet'] });
add(P3, '-', 'The Democrat Party is full of Demonrats.', { must: ['partisan_epithet'] });

const P4 = 'partisan_epithet NOT: quoting an epithet to object to it';
add(P4, '+', 'Calling Democrats "Demonrats" is childish and adds nothing to the Russia debate.', { not: ['partisan_epithet', 'off_topic', 'slur'], act: 'notReject' });
add(P4, '+', 'Can we stop with "MAGAts" already? Argue about the sanctions instead.', { not: ['partisan_epithet', 'off_topic', 'slur'], act: 'notReject' });
add(P4, '+', 'Every time someone writes Rethuglicans I stop reading their comment.', { not: ['partisan_epithet', 'off_topic', 'slur'], act: 'notReject' });
add(P4, '+', 'Using "Killary" just tells me you have no real argument about Russia.', { not: ['partisan_epithet', 'off_topic', 'slur'], act: 'notReject' });
add(P4, '+', 'Names like Obummer or Drumpf make this comment section worse. Stick to Moscow.', { not: ['partisan_epithet', 'off_topic', 'slur'], act: 'notReject' });
add(P4, '-', 'I will keep calling them Demonrats because that is what they are.', { must: ['partisan_epithet'] });
add(P4, '-', '"MAGAts" is the perfect word for them, and they earned it.', { must: ['partisan_epithet'] });
add(P4, '-', 'Rethuglicans, as I like to call them, sold out to Moscow long ago.', { must: ['partisan_epithet'] });
add(P4, '-', 'Yes, I said Trumpanzees. Deal with it.', { must: ['partisan_epithet'] });

// ===== OFF TOPIC (article = US-Russia unless said) =====
const O1 = 'off_topic: spam, ads, self-promotion';
add(O1, '+', 'I earn $85 an hour working from my laptop. Check www.easyhomecash.example to see how.', { must: ['off_topic'] });
add(O1, '+', 'Ray-Ban sunglasses 70% off today only, free shipping worldwide!!!', { must: ['off_topic'] });
add(O1, '+', 'Subscribe to my YouTube channel for daily crypto signals, link in my profile.', { must: ['off_topic'] });
add(O1, '+', 'Lonely tonight? Beautiful singles in your area are waiting. Click here.', { must: ['off_topic'] });
add(O1, '+', 'My aunt lost 30 pounds in a month with this one weird trick doctors hate.', { must: ['off_topic'] });
add(O1, '-', 'Russia earns about $180 million a day from oil, see https://www.iea.org for the figures.', CLEAN);
add(O1, '-', 'My gas bill went up $85 a month since the sanctions started.', CLEAN);
add(O1, '-', 'I work from home for a company that lost all its Russian clients after the sanctions.', CLEAN);
add(O1, '-', 'Read the full Kremlin transcript at kremlin.ru before judging what Putin said.', CLEAN);

const O2 = 'off_topic: another subject entirely (sports, recipes, lost cat)';
add(O2, '+', 'The Yankees bullpen blew another lead last night. Unbelievable.', { must: ['off_topic'] });
add(O2, '+', 'Does anyone have a good banana bread recipe without eggs?', { must: ['off_topic'] });
add(O2, '+', 'Our grey tabby went missing near Elm Street on Sunday, please call if you see him.', { must: ['off_topic'] });
add(O2, '+', 'Taylor Swift\'s new album is honestly her best one yet.', { must: ['off_topic'] });
add(O2, '+', 'Anyone know how to fix a leaking kitchen faucet without calling a plumber?', { must: ['off_topic'] });
add(O2, '-', 'This reminds me of the 1980 Olympic boycott; sport always gets dragged into US-Russia fights.', CLEAN);
add(O2, '-', 'Russian hockey players in the NHL must be nervous about these new visa rules.', CLEAN);
add(O2, '-', 'Gas prices here in Ohio are up again thanks to this standoff.', CLEAN);
add(O2, '-', 'My grandmother fled Leningrad in 1942; she would be heartbroken to see us back in a Cold War.', CLEAN);

const O3 = 'off_topic: empty chatter ("First!")';
add(O3, '+', 'First!', { must: ['off_topic'] });
add(O3, '+', 'lol', { must: ['off_topic'] });
add(O3, '+', 'Who else is reading this in 2025?', { must: ['off_topic'] });
add(O3, '+', 'Hi everyone, happy Friday!', { must: ['off_topic'] });
add(O3, '+', 'bump', { must: ['off_topic'] });
add(O3, '-', 'Sanctions won\'t work.', CLEAN);
add(O3, '-', 'Putin blinked first.', CLEAN);
add(O3, '-', 'Good, expel them all.', CLEAN);
add(O3, '-', 'Finally, some diplomacy.', CLEAN);
add(O3, '-', 'Lavrov again? Predictable.', CLEAN);

const O4 = 'off_topic: page furniture (cookie notices, "Please enter your comment!", related headlines, copyright)';
add(O4, '+', 'We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.', { must: ['off_topic'] });
add(O4, '+', 'Please enter your comment!', { must: ['off_topic'] });
add(O4, '+', 'Please enter your name here', { must: ['off_topic'] });
add(O4, '+', 'Related: Black Sea grain talks stall as Ankara hosts envoys', { must: ['off_topic'], deb: 'related headline on a loosely related subject' });
add(O4, '+', 'RELATED ARTICLES: Fed holds rates steady | Heatwave grips Texas | Celebrity chef opens new restaurant', { must: ['off_topic'] });
add(O4, '+', '\u00a9 2024 Daily Courier Media Group. All rights reserved.', { must: ['off_topic'] });
add(O4, '+', 'Sign up for our newsletter to get breaking news in your inbox.', { must: ['off_topic'] });
add(O4, '+', 'Log in to reply', { must: ['off_topic'] });
add(O4, '-', 'Putin\'s promises are like a cookie banner: everyone clicks accept and nobody reads them.', CLEAN);
add(O4, '-', 'The copyright on this Kremlin talking point clearly belongs to RT.', CLEAN);
add(O4, '-', 'Please, enter negotiations before New START expires.', CLEAN);
add(O4, '-', 'Related to the article: NATO has doubled its troops on the eastern flank since 2022.', CLEAN);

const O5 = 'off_topic NOT: touches the article\'s subject loosely or disagrees with it';
add(O5, '+', 'This article is one-sided; NATO expansion had nothing to do with it.', { not: ['off_topic'] });
add(O5, '+', 'I don\'t buy a word of this. Washington has been provoking Moscow for decades.', { not: ['off_topic'] });
add(O5, '+', 'Wrong. The sanctions hurt Europe far more than they hurt Russia.', { not: ['off_topic'] });
add(O5, '+', 'The media keeps hyping Russia to distract us from inflation at home.', { not: ['off_topic'] });
add(O5, '+', 'China is the real winner of this whole fight.', { not: ['off_topic'] });
add(O5, '+', 'Meanwhile our own border is wide open and nobody in Washington cares.', { not: ['off_topic'], deb: 'loosely related at best' });
add(O5, '+', 'Fake news. Putin never said that.', { not: ['off_topic'] });
add(O5, '-', 'I disagree, the Lakers absolutely need to trade for a real center.', { must: ['off_topic'] });
add(O5, '-', 'Wrong, pineapple belongs on pizza and always has.', { must: ['off_topic'] });
add(O5, '-', 'Nobody cares about your opinion on the new iPhone colors.', { must: ['off_topic'] });
add(O5, '-', 'Totally agree with the previous poster about the best hiking boots.', { must: ['off_topic'] });

const O6 = 'off_topic NOT: a comment in another language that talks about the subject';
add(O6, '+', 'Санкции против России только укрепили Путина, а Вашингтон сам испортил отношения.', { not: ALL, act: 'allow' });
add(O6, '+', 'Las sanciones contra Rusia no funcionan; Washington y Moscú deben volver a negociar.', { not: ALL, act: 'allow' });
add(O6, '+', 'Die Beziehungen zwischen Washington und Moskau sind so schlecht wie seit dem Kalten Krieg nicht mehr.', { not: ALL, act: 'allow' });
add(O6, '+', 'Poutine accuse les États-Unis, mais c\'est lui qui a envahi l\'Ukraine.', { not: ALL, act: 'allow' });
add(O6, '+', 'Путін бреше, а санкції проти Росії треба посилювати.', { not: ALL, act: 'allow' });
add(O6, '-', '¿Alguien tiene una buena receta de tortilla de patatas?', { must: ['off_topic'] });
add(O6, '-', 'Bayern hat gestern schon wieder verloren, unglaublich.', { must: ['off_topic'] });
add(O6, '-', 'Gagnez 500 euros par jour depuis chez vous, cliquez ici !', { must: ['off_topic'] });
add(O6, '-', 'Потерялся рыжий кот на улице Ленина, помогите найти.', { must: ['off_topic'] });

const O7 = 'off_topic: judged against the article it sits under';
add(O7, '+', 'The closer has to go, that is five blown saves this month.', { must: ['off_topic'] });
add(O7, '+', 'Add a pinch of smoked paprika and it is even better.', { must: ['off_topic'] });
add(O7, '+', 'Sanctions on Russian banks will not change Putin\'s mind.', { article: BASEBALL, must: ['off_topic'] });
add(O7, '+', 'Lavrov will never agree to extend the arms treaty.', { article: RECIPE, must: ['off_topic'] });
add(O7, '-', 'The closer has to go, that is five blown saves this month.', { article: BASEBALL, ...CLEAN });
add(O7, '-', 'Add a pinch of smoked paprika and it is even better.', { article: RECIPE, ...CLEAN });
add(O7, '-', 'Sanctions on Russian banks will not change Putin\'s mind.', CLEAN);
add(O7, '-', 'Lavrov will never agree to extend the arms treaty.', CLEAN);

// Written after the offtopic.subject rules (and after reading this probe's off-topic failures), so
// that those rules meet comments their word lists were not drawn from: other subjects, and comments
// on the article's subject that borrow a sports, cooking or show-business word.
const O8 = 'off_topic: another subject, written after the subject rules';
for (const text of [
  'Anybody know if the Dodgers game is on cable tonight?',
  'Our pitcher has been terrible since the all-star break.',
  'Fantasy league draft is Sunday, still need two more players.',
  'That touchdown in the last minute was unbelievable.',
  'What temperature do you bake sourdough at?',
  'I swapped the butter for olive oil in my lasagna and nobody noticed.',
  'Best pizza place downtown? Moving there next month.',
  'The season finale of that Netflix show was so disappointing.',
  'Got my Taylor Swift tickets, section 112!',
  'Has anyone seen a small grey kitten near Oak Street?',
  'My dog will not stop barking at the mailman.',
  'Our cat just had five kittens, anyone want one?',
]) add(O8, '+', text, { must: ['off_topic'] });
for (const text of [
  'Putin treats diplomacy like a chess game, always three moves ahead.',
  'This summit was pure theater for the cameras.',
  'Relations are a political football for both parties in Congress.',
  'Lavrov always plays hardball in these talks.',
  'The sanctions are the whole recipe for this standoff.',
  'Putin and Trump met for less time than a halftime show.',
  'Both leaders are playing to their home crowds.',
  'Russia will not budge on missile defense, that ship has sailed.',
]) add(O8, '-', text, CLEAN);

// Written after offtopic.subject.politics (politics under an article on no public affair), before
// running it: politics drifting in under a game report or a recipe, and comments on those
// articles that borrow a political word while talking about the article.
const O9 = 'off_topic: politics under an article on no public affair, written after the politics rule';
add(O9, '+', 'Meanwhile the Kremlin is laughing at all of us.', { article: BASEBALL, must: ['off_topic'] });
add(O9, '+', 'Zelensky needs more weapons, not more talks.', { article: BASEBALL, must: ['off_topic'] });
add(O9, '+', 'Democrats and Republicans are both bought and paid for.', { article: RECIPE, must: ['off_topic'] });
add(O9, '+', 'NATO should have stopped expanding decades ago.', { article: RECIPE, must: ['off_topic'] });
add(O9, '-', 'Trump would have fixed this bullpen in a week.', { article: BASEBALL, ...CLEAN });
add(O9, '-', 'Even the Russian judges would have called that a strike.', { article: BASEBALL, ...CLEAN });
add(O9, '-', 'A White Russian after dinner and this stew is perfect.', { article: RECIPE, ...CLEAN });

// Written after profanity, death wishes and dehumanising nouns were made to count of a person
// named in a pack's `names` ("fuck putin" and "Fuck Lavrov …" above had failed): people and
// wordings those probes do not use.
const I5 = 'insult: said of a named person, written after the named-claim change';
for (const text of [
  'Fuck Medvedev and his nuclear threats.',
  'Peskov can go fuck himself with that statement.',
  'Death to Putin and his cronies.',
  'Honestly, fuck Trump for this deal.',
  'Biden is a spineless worm.',
  'Lavrov is a snake and always has been.',
  'Schumer can rot in hell.',
]) add(I5, '+', text, { must: ['insult'], act: 'notAllow' });
for (const text of [
  'Putin is fucking serious about this pipeline.',
  'Fuck, Lavrov actually agreed to talks.',
  "I hate Biden's energy policy.",
  'Trump dogged the negotiators for weeks.',
  'What the hell is Medvedev even saying?',
  'Fuck the sanctions, they never work.',
]) add(I5, '-', text, CLEAN);

// Round 3, written in one sitting after the politics rule, before any of them was run: a blind
// sample across the labels, to measure where decorum stands on comments no change was made for.
const R3S = 'round 3 (blind): slur, and what is not one';
add(R3S, '+', 'Only a complete mongoloid would trust the Kremlin.', { must: ['slur'], act: 'reject' });
add(R3S, '+', 'These r-tards in Congress never learn.', { must: ['slur'], act: 'reject' });
add(R3S, '+', 'Go back to your mosque, towelhead.', { must: ['slur'], act: 'reject' });
add(R3S, '+', 'What a bunch of f4gs running the embassy.', { must: ['slur'], act: 'reject' });
add(R3S, '+', 'The dykes at the State Department wrote this policy.', { must: ['slur'], act: 'reject' });
add(R3S, '-', 'The flame-retardant coating failed in the Moscow apartment fire.', CLEAN);
add(R3S, '-', 'Niggardly spending on diplomacy got us here.', CLEAN);
add(R3S, '-', 'He spent the weekend in Scunthorpe and Penistone.', CLEAN);
add(R3S, '-', 'Calling disabled people retards is disgusting, and so is this policy.', { not: ['slur'], act: 'notReject' });
const R3I = 'round 3 (blind): insult, and what is not one';
add(R3I, '+', 'You are a gutless little weasel, Lavrov.', { must: ['insult'], act: 'notAllow' });
add(R3I, '+', 'The author is a hack who should be fired.', { must: ['insult'], act: 'notAllow' });
add(R3I, '+', 'Every commenter here is a brainwashed sheep.', { must: ['insult'], act: 'notAllow' });
add(R3I, '+', 'Shut your mouth, you ignorant troll.', { must: ['insult'], act: 'notAllow' });
add(R3I, '+', 'Medvedev is a drunk buffoon.', { must: ['insult'], act: 'notAllow' });
add(R3I, '+', 'Putin is a liar.', { must: ['insult'], act: 'notAllow' });
add(R3I, '-', 'That is the dumbest treaty proposal I have read all year.', CLEAN);
add(R3I, '-', "The senator's argument is idiotic, but he is right about the timeline.", CLEAN);
add(R3I, '-', 'Damn, the ruble dropped again.', CLEAN);
add(R3I, '-', 'This whole summit was a shitshow from start to finish.', CLEAN);
const R3P = 'round 3 (blind): partisan epithet, and what is not one';
add(R3P, '+', 'Demoncrats will sell us out to Beijing next.', { must: ['partisan_epithet'] });
add(R3P, '+', 'The Rethuglicans in the Senate blocked it again.', { must: ['partisan_epithet'] });
add(R3P, '+', 'Typical libtard logic from the editorial board.', { must: ['partisan_epithet'] });
add(R3P, '+', 'MAGAts cheered Putin in Helsinki.', { must: ['partisan_epithet'] });
add(R3P, '+', 'Dementia Joe signed it without reading.', { must: ['partisan_epithet'] });
add(R3P, '-', 'As a lifelong Republican, I think the sanctions are working.', CLEAN);
add(R3P, '-', 'Democrats and Republicans both voted for the resolution.', CLEAN);
add(R3P, '-', 'Calling people "libtards" is childish and ends any debate.', { not: ['partisan_epithet'], act: 'notReject' });
const R3O = 'round 3 (blind): off-topic, and what is not';
add(R3O, '+', 'Click here to claim your free iPhone 17!!!', { must: ['off_topic'] });
add(R3O, '+', 'Subscribe to my channel for daily crypto tips.', { must: ['off_topic'] });
add(R3O, '+', 'Second!', { must: ['off_topic'] });
add(R3O, '+', 'This article was updated at 3:45 p.m. ET', { must: ['off_topic'] });
add(R3O, '+', 'Sign up for our newsletter to get the latest headlines.', { must: ['off_topic'] });
add(R3O, '+', 'Anyone know a good dentist in Brooklyn?', { must: ['off_topic'] });
add(R3O, '-', 'Great reporting, thank you for covering this.', CLEAN);
add(R3O, '-', 'Moscow will never accept NATO troops near its border.', CLEAN);
add(R3O, '-', 'Las sanciones no van a cambiar nada en el Kremlin.', CLEAN);
add(R3O, '-', 'I disagree with this whole article; the US provoked it.', CLEAN);
add(R3O, '+', 'Stupid libtards and their retarded Russia fantasies.', { must: ['partisan_epithet', 'slur'], not: ['off_topic'], act: 'reject' });

// Round 4, written blind like round 3, after its fixes: counter-speech, spellings, other languages,
// coinages, and chatter and furniture of other sites.
const R4S = 'round 4 (blind): slur, and what is not one';
add(R4S, '+', 'That Muzzie mayor should resign.', { must: ['slur'], act: 'reject' });
add(R4S, '+', 'Stop acting like a spaz, Lavrov.', { must: ['slur'], act: 'reject' });
add(R4S, '+', 'You fucking tranny, nobody asked.', { must: ['slur'], act: 'reject' });
add(R4S, '+', 'Go back to Mexico, beaner.', { must: ['slur'], act: 'reject' });
add(R4S, '+', 'retardos everywhere in this thread', { must: ['slur'], act: 'reject' });
add(R4S, '-', 'The retardation of growth was caused by the sanctions.', CLEAN);
add(R4S, '-', 'My cousin has Down syndrome and works at the embassy.', CLEAN);
add(R4S, '-', 'Homophobic slurs like "f*ggot" have no place here.', { not: ['slur'], act: 'notReject' });
const R4I = 'round 4 (blind): insult, and what is not one';
add(R4I, '+', 'Lavrov, you are a pathetic liar.', { must: ['insult'], act: 'notAllow' });
add(R4I, '+', 'The editor is a complete moron for publishing this.', { must: ['insult'], act: 'notAllow' });
add(R4I, '+', 'Only an imbecile would believe Peskov.', { must: ['insult'], act: 'notAllow' });
add(R4I, '+', 'What a bunch of clowns in the State Department.', { must: ['insult'], act: 'notAllow' });
add(R4I, '+', 'Idiota, no sabes nada de Rusia.', { must: ['insult'], act: 'notAllow' });
add(R4I, '-', 'Calling him an idiot is unfair; he negotiated well.', { not: ['insult'], act: 'notReject' });
add(R4I, '-', 'That was a stupid mistake by the negotiators.', CLEAN);
add(R4I, '-', 'I feel like an idiot for believing the summit would work.', CLEAN);
add(R4I, '-', 'The sanctions are pointless and dumb.', CLEAN);
const R4P = 'round 4 (blind): partisan epithet, and what is not one';
add(R4P, '+', 'Dimwitocrats never learn.', { must: ['partisan_epithet'] });
add(R4P, '+', 'Republitards cheered the summit.', { must: ['partisan_epithet'] });
add(R4P, '+', 'Crooked Hillary sold uranium to Russia.', { must: ['partisan_epithet'] });
add(R4P, '+', 'Moscow Mitch strikes again.', { must: ['partisan_epithet'] });
add(R4P, '-', 'The Democratic Party platform mentions Russia twice.', CLEAN);
add(R4P, '-', 'Conservatives and liberals agree on this one.', CLEAN);
const R4O = 'round 4 (blind): off-topic, and what is not';
add(R4O, '+', 'FIRST!!!', { must: ['off_topic'] });
add(R4O, '+', 'Earn $5000 a week working from home, DM me.', { must: ['off_topic'] });
add(R4O, '+', 'Cookies help us deliver our services. By using our services, you agree to our use of cookies.', { must: ['off_topic'] });
add(R4O, '+', 'Read more: Five things to know about the summit', { must: ['off_topic'] });
add(R4O, '+', 'Follow us on Instagram @newsdaily', { must: ['off_topic'] });
add(R4O, '-', 'Интересно, что скажет Кремль.', CLEAN);
add(R4O, '-', 'This is the third summit in five years and nothing has changed.', CLEAN);
add(R4O, '-', 'Can someone explain what New START actually limits?', CLEAN);

// Round 5, written blind in one sitting on 2026-12-08, after the "dense", "recipe for" and
// article-subject-term fixes and before any of these was run.
const R5S = 'round 5 (blind): slur, and what is not one';
add(R5S, '+', 'Only a retard would trust Lavrov.', { must: ['slur'], act: 'reject' });
add(R5S, '+', 'These r e t a r d s in the Duma voted for it.', { must: ['slur'], act: 'reject' });
add(R5S, '+', 'That kike banker funded the whole thing.', { must: ['slur'], act: 'reject' });
add(R5S, '+', 'The chinks in Beijing are laughing at us.', { must: ['slur'], act: 'reject' });
add(R5S, '+', 'Shut up, retart.', { must: ['slur'], act: 'reject' });
add(R5S, '-', "The chink in the Kremlin's armour is the economy.", CLEAN);
add(R5S, '-', 'My brother is autistic and follows every summit closely.', CLEAN);
add(R5S, '-', 'Using the word "retard" about people with disabilities is cruel.', { not: ['slur'], act: 'notReject' });
add(R5S, '-', 'The fire retardant spray is made in Russia.', CLEAN);
const R5I = 'round 5 (blind): insult, and what is not one';
add(R5I, '+', 'Peskov is a spineless weasel.', { must: ['insult'], act: 'notAllow' });
add(R5I, '+', 'You absolute muppet, read the article before commenting.', { must: ['insult'], act: 'notAllow' });
add(R5I, '+', 'Whoever wrote this headline is a halfwit.', { must: ['insult'], act: 'notAllow' });
add(R5I, '+', 'Shut up and go away, you clown.', { must: ['insult'], act: 'notAllow' });
add(R5I, '+', 'Trump is a senile old fool.', { must: ['insult'], act: 'notAllow' });
add(R5I, '+', 'You people are pathetic.', { must: ['insult'], act: 'notAllow' });
add(R5I, '-', 'That idea is idiotic and the minister should drop it.', CLEAN);
add(R5I, '-', 'The negotiations were a clown show.', CLEAN);
add(R5I, '-', 'Holy shit, the ruble crashed again.', CLEAN);
add(R5I, '-', 'I was a fool to think the talks would work.', CLEAN);
const R5P = 'round 5 (blind): partisan epithet, and what is not one';
add(R5P, '+', 'Demonrats lost Ukraine, again.', { must: ['partisan_epithet'] });
add(R5P, '+', 'Dems and Repugs both took Russian money.', { must: ['partisan_epithet'] });
add(R5P, '+', 'Trumpanzees will defend anything Putin does.', { must: ['partisan_epithet'] });
add(R5P, '+', 'Obummer started this mess in 2014.', { must: ['partisan_epithet'] });
add(R5P, '+', 'Libturds always blame Russia.', { must: ['partisan_epithet'] });
add(R5P, '-', 'The Republican senator from Ohio proposed new sanctions.', CLEAN);
add(R5P, '-', 'The left and the right agree on nothing except Russia.', CLEAN);
add(R5P, '-', '"Demonrats" is not an argument, it is a playground taunt.', { not: ['partisan_epithet'], act: 'notReject' });
const R5O = 'round 5 (blind): off-topic, and what is not';
add(R5O, '+', 'Check out my profile for hot singles near you', { must: ['off_topic'] });
add(R5O, '+', 'Loading comments...', { must: ['off_topic'] });
add(R5O, '+', 'Great recipe, my kids loved it!', { must: ['off_topic'] });
add(R5O, '+', 'Go Yankees!', { must: ['off_topic'] });
add(R5O, '+', 'All rights reserved. © 2024 Daily News Corp.', { must: ['off_topic'] });
add(R5O, '+', 'Has anyone seen my gray cat? She went missing near Elm Street.', { must: ['off_topic'] });
add(R5O, '-', 'Putin has been playing this game since 2000.', CLEAN);
add(R5O, '-', "Russia's economy is shrinking despite what the Kremlin says.", CLEAN);
add(R5O, '-', 'The Yankees need a new closer, and fast.', { article: BASEBALL, ...CLEAN });
add(R5O, '-', 'Sanctions hit Russian grain exports, so bread prices rose here too.', CLEAN);
add(R5O, '-', 'Das ist eine gefährliche Eskalation zwischen Washington und Moskau.', CLEAN);
add(R5O, '-', 'What does this mean for gas prices in Europe this winter?', CLEAN);
add(R5O, '+', 'Stupid Repukes and their Moscow masters.', { must: ['insult', 'partisan_epithet'], not: ['off_topic'] });

// Round 6, written blind on 2026-12-08 after round 5's fixes, before any was run: longer comments
// of two or three sentences, as a comment section has them, where the label rests on one part.
const R6 = 'round 6 (blind): longer comments, the label in one part';
add(R6, '+', 'I read the whole interview. Putin clearly wants a deal, but the morons in Washington will never take it.', { must: ['insult'], not: ['off_topic'], act: 'notAllow' });
add(R6, '+', 'Sanctions were always going to fail. Anyone who thought otherwise is a gullible fool.', { must: ['insult'], act: 'notAllow' });
add(R6, '+', 'Good article. The comments though are full of retards as usual.', { must: ['slur'], act: 'reject' });
add(R6, '+', 'The summit achieved nothing. Sleepy Joe slept through it and Kamala laughed.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(R6, '+', 'Both parties failed here. The Demonrats talk tough and the Rethuglicans cash Russian checks.', { must: ['partisan_epithet'] });
add(R6, '+', 'Lavrov lies for a living. He is a professional liar and a coward.', { must: ['insult'], act: 'notAllow' });
add(R6, '+', 'Work from home and make $400 a day! No experience needed, visit my page to start today.', { must: ['off_topic'] });
add(R6, '+', 'Lost dog in Maple Park, brown lab, answers to Buddy. Please call if you see him.', { must: ['off_topic'] });
add(R6, '+', 'Anyone watching the game tonight? The Lakers have to win this one.', { must: ['off_topic'] });
add(R6, '-', 'I lived in Moscow for six years. People there are tired of the war, but they are afraid to say so.', CLEAN);
add(R6, '-', 'This article misses the point. Russia never trusted NATO after 1999, and the sanctions only confirmed it.', CLEAN);
add(R6, '-', 'My grandfather fought in Korea. He always said the Russians were tough negotiators, not fools.', CLEAN);
add(R6, '-', 'The policy is stupid, the timing is worse, and the White House should have known better.', CLEAN);
add(R6, '-', 'I am a Democrat and I think Biden got this one wrong. Diplomacy needs patience.', CLEAN);
add(R6, '-', 'Trump supporters and Biden voters agree on one thing: nobody wants another cold war.', CLEAN);
add(R6, '-', 'Calling Russians "orcs" is dehumanising and it does not help Ukraine either.', { not: ['slur'], act: 'notReject' });
add(R6, '-', 'Wow. Just wow. Did anyone actually read the treaty text before commenting?', CLEAN);
add(R6, '-', 'The bullpen collapsed again in the eighth. Time to trade for a real closer.', { article: BASEBALL, ...CLEAN });
add(R6, '-', 'I made this with chicken thighs instead of beef and it was great.', { article: RECIPE, ...CLEAN });
add(R6, '+', 'Forget the stew, Putin is about to invade another country and nobody cares.', { article: RECIPE, must: ['off_topic'] });

// Round 7, written blind on 2026-12-08 after round 6's fix, before any was run: other languages,
// spellings meant to slip past a filter, and furniture of other comment systems.
const R7 = 'round 7 (blind): languages, spellings, furniture';
add(R7, '-', 'Die Sanktionen treffen vor allem die einfachen Leute in Russland.', CLEAN);
add(R7, '-', 'Putin no quiere la paz, quiere tiempo para rearmarse.', CLEAN);
add(R7, '-', "Les négociations entre Moscou et Washington n'avancent pas.", CLEAN);
add(R7, '-', 'Переговоры снова зашли в тупик, как и ожидалось.', CLEAN);
add(R7, '-', 'Le sanzioni non hanno cambiato nulla al Cremlino.', CLEAN);
add(R7, '+', 'Du bist ein Vollidiot, lies den Artikel.', { must: ['insult'], act: 'notAllow' });
add(R7, '+', 'Eres un imbécil si crees a Putin.', { must: ['insult'], act: 'notAllow' });
add(R7, '+', 'Ты идиот, ничего не понимаешь.', { must: ['insult'], act: 'notAllow' });
add(R7, '+', 'Only a r.e.t.a.r.d would believe the Kremlin.', { must: ['slur'], act: 'reject' });
add(R7, '+', 'Shut up you r\u200betard.', { must: ['slur'], act: 'reject' });
add(R7, '+', 'What a retaaaaarded take on the summit.', { must: ['slur'], act: 'reject' });
add(R7, '+', 'Sit down, f4ggot.', { must: ['slur'], act: 'reject' });
add(R7, '+', 'Youretarded people never learn.', { must: ['slur'], act: 'reject' });
add(R7, '+', 'Typical D3m0rats, always blaming Russia.', { must: ['partisan_epithet'] });
add(R7, '+', 'The L I B T A R D S are at it again.', { must: ['partisan_epithet'] });
add(R7, '+', 'Be the first to comment', { must: ['off_topic'] });
add(R7, '+', 'Log in to reply', { must: ['off_topic'] });
add(R7, '+', 'This comment has been removed by a moderator.', { must: ['off_topic'] });
add(R7, '+', 'Share this article on Facebook Twitter Email', { must: ['off_topic'] });
add(R7, '-', 'The retardant dropped on the fire near Moscow did its job.', CLEAN);
add(R7, '-', 'Ukraine got 31 Abrams tanks, the rest is still on paper.', CLEAN);

// Round 8, written blind on 2026-12-08 after round 7's fix, before any was run: clean comments that
// are harsh, sweary or about identity, the false positives a news site's readers notice first.
const R8 = 'round 8 (blind): harsh but clean';
for (const text of [
  'This is the most idiotic foreign policy decision of the decade.',
  'The Kremlin propaganda machine is disgusting and everyone knows it.',
  'Damn right, the sanctions should have come years ago.',
  'What the hell were the negotiators thinking?',
  'Muslims in Chechnya have suffered under Kadyrov for years.',
  'As a gay man I worry about what Russian laws mean for people like me.',
  'Black and Hispanic soldiers served in Ukraine as volunteers too.',
  'The Jewish community in Moscow has shrunk since the war began.',
  'Women in the Russian opposition face the harshest sentences.',
  'That speech was pure garbage from start to finish.',
  'The Russian economy is a mess and the ruble is trash.',
  'Stupid question maybe, but why does NATO need Finland?',
  'I hate this war and everything it has done to both countries.',
  'Lavrov lied again, as he always does.',
  'The senator is wrong on every count, and his bill will fail.',
  'Putin is a dictator and a war criminal, according to the ICC warrant.',
  'These talks are a joke and everyone in the room knows it.',
  'My autistic son asked me why Russia invaded, and I had no good answer.',
  'Conservatives and progressives both cheered the prisoner swap.',
  'The dumbest part of the deal is the timeline.',
]) add(R8, '-', text, CLEAN);

// Round 9, written blind right after round 8, before any was run: attacks a moderator would flag,
// phrased as commenters phrase them.
const R9 = 'round 9 (blind): attacks as commenters phrase them';
for (const text of [
  'Go crawl back under your rock, troll.',
  'You are a disgrace to this country.',
  'Nobody cares what a paid Kremlin bot thinks.',
  'Are you really this dense or just paid to be?',
  'Peskov is a lying sack of garbage.',
  'The author is clearly a shill for Moscow.',
  'Biden is a senile puppet.',
  'Trump is a spineless coward who kneels to Putin.',
  'Get lost, loser.',
  'What a pathetic excuse for a journalist.',
  'You have the IQ of a doorknob.',
  'Lavrov is a snake and a liar.',
  'Medvedev is a drunken buffoon.',
  'Shut your ignorant mouth.',
  'Typical brainwashed Fox viewer.',
  'Hey genius, try reading the article first.',
  'You clearly have no brain.',
  'The editors here are morons.',
  'Only a complete imbecile would write this.',
  'Zelensky is a clown and a fraud.',
]) add(R9, '+', text, { must: ['insult'], act: 'notAllow' });

// Round 10, written blind after round 9's fixes, before any was run: partisan coinages from both
// sides, and the neutral names beside them.
const R10 = 'round 10 (blind): partisan coinages and neutral names';
for (const text of [
  'The Democraps will raise taxes again.',
  'Repugnicans sold out to Moscow years ago.',
  'Leftards are cheering for the Kremlin now?',
  'Commiecrats in Congress want to appease Putin.',
  'The Orange Man folded in Helsinki.',
  'Cheeto in Chief strikes again.',
  'Magaturds will defend anything Putin says.',
  'Demokkkrats never learn.',
  'Republicons sold out the Ukrainians.',
  'Let\'s go Brandon, he lost Afghanistan and now this.',
]) add(R10, '+', text, { must: ['partisan_epithet'] });
for (const text of [
  'GOP senators blocked the aid package.',
  'The Democratic caucus split on the vote.',
  'MAGA Republicans and progressive Democrats both opposed it.',
  'Trump voters in Ohio care more about jobs than Ukraine.',
  'Liberals and conservatives agree the summit failed.',
  'Brandon from Ohio wrote a great letter to the editor.',
]) add(R10, '-', text, CLEAN);

// Round 11, written blind after round 10's fix, before any was run: spam, chatter and other
// subjects as they turn up, and comments on each article's own subject.
const R11 = 'round 11 (blind): spam, chatter, other subjects';
for (const text of [
  'Message me on WhatsApp +1 555 0134 for guaranteed crypto profits.',
  'I turned $500 into $12,000 with this trading bot, link in my bio.',
  'Visit my website for cheap designer handbags!!!',
  'first',
  '+1',
  'bump',
  'Gana dinero desde casa, escríbeme por Telegram.',
  'Who else is watching the Super Bowl this weekend?',
  'My sourdough starter finally doubled overnight!',
]) add(R11, '+', text, { must: ['off_topic'] });
add(R11, '+', 'NATO expansion is the real story here, not your stew.', { article: RECIPE, must: ['off_topic'] });
add(R11, '+', 'Putin should be in The Hague, not in the news.', { article: BASEBALL, must: ['off_topic'] });
add(R11, '-', 'Great win, the bullpen finally held a lead in the ninth.', { article: BASEBALL, ...CLEAN });
add(R11, '-', 'Add more garlic than it says, trust me.', { article: RECIPE, ...CLEAN });
add(R11, '-', 'This is exactly what the Kremlin wants us to argue about.', CLEAN);
add(R11, '-', 'Thanks for the explainer, the map helped a lot.', CLEAN);
add(R11, '-', 'Source? The article does not link the report it cites.', CLEAN);

// Round 12, written blind after round 11, before any was run: counter-speech and quotation, which
// LABELS.md allows to go to review but never to reject, and uses dressed as quotes.
const R12 = 'round 12 (blind): counter-speech and quotes';
for (const text of [
  'My uncle calls Ukrainians "khokhols" and I stopped visiting him.',
  'If you use the word retard about a person, you need to grow up.',
  'The troll above called me a faggot. Mods, please ban him.',
  'Saying "Demonrats" every other line does not make your point stronger.',
  'We should not be calling anyone vermin, not even Putin.',
  'The Kremlin calls Ukrainians Nazis, which is absurd.',
  'Reporting a comment that said "kill all Russians" is the right thing to do.',
  'Words like "retard" and "spaz" hurt disabled kids.',
  'Can we stop with the "libtard" and "MAGAt" nonsense and talk about the treaty?',
  'Posting "Russians are subhuman" is hate speech, full stop.',
]) add(R12, '-', text, { not: ['slur', 'partisan_epithet'], act: 'notReject' });
for (const text of ['Like I always say, you are a retard.', 'Everyone knows the word for people like you: faggot.']) add(R12, '+', text, { must: ['slur'], act: 'reject' });
// Written expecting reject; LABELS.md rejects a slur or a strong insult, and an epithet alone is for
// review, so the expectation was corrected after the run (the verdict was partisan_epithet, review).
add(R12, '+', 'As my dad used to say, Democrats are Demonrats.', { must: ['partisan_epithet'], act: 'notAllow' });

// Round 13, written blind after round 12, before any was run: the labels under the game report and
// the recipe, where the names and the subject are others.
const R13 = 'round 13 (blind): labels under other articles';
add(R13, '+', 'The manager is a clueless idiot, bench him.', { article: BASEBALL, must: ['insult'], not: ['off_topic'], act: 'notAllow' });
add(R13, '+', 'Only a retard would bring in that closer.', { article: BASEBALL, must: ['slur'], not: ['off_topic'], act: 'reject' });
add(R13, '+', 'The Yankees fans here are brainless sheep.', { article: BASEBALL, must: ['insult'], not: ['off_topic'], act: 'notAllow' });
add(R13, '+', 'Whoever wrote this recipe is a moron, three hours is too long.', { article: RECIPE, must: ['insult'], not: ['off_topic'], act: 'notAllow' });
add(R13, '+', 'Libtards ruin everything, even stew.', { article: RECIPE, must: ['partisan_epithet'] });
add(R13, '-', 'The bullpen was garbage tonight, plain and simple.', { article: BASEBALL, ...CLEAN });
add(R13, '-', 'That ninth inning was a disaster from the first pitch.', { article: BASEBALL, ...CLEAN });
add(R13, '-', 'Damn, this stew is good with extra thyme.', { article: RECIPE, ...CLEAN });
add(R13, '-', 'Too much salt ruined mine, so go easy on it.', { article: RECIPE, ...CLEAN });
add(R13, '-', 'The pitching coach should be fired after this month.', { article: BASEBALL, ...CLEAN });
add(R13, '+', 'Buy Yankees tickets cheap at my site, link in bio.', { article: BASEBALL, must: ['off_topic'] });
add(R13, '+', 'My cat knocked the stew off the stove, lol.', { article: RECIPE, deb: 'a pet story told through the recipe: touches the subject loosely', must: ['off_topic'] });

// Round 14, written blind after round 13, before any was run: insults and slurs in the languages a
// news site's readers write in besides English, and clean comments in the same languages.
const R14 = 'round 14 (blind): abuse in other languages';
for (const [text, label] of [
  ['Du bist ein Arschloch, Putin-Versteher.', 'insult'],
  ['Eres un pendejo, no sabes nada de política.', 'insult'],
  ["T'es qu'un connard, retourne lire l'article.", 'insult'],
  ['Sei uno stronzo ignorante.', 'insult'],
  ['Você é um idiota completo.', 'insult'],
  ['Ты дебил, Путин тебе не друг.', 'insult'],
  ['Diese Schwuchtel im Außenministerium ist schuld.', 'slur'],
  ['Ese maricón del gobierno no sabe negociar.', 'slur'],
  ['Этот пидор в Кремле врёт.', 'slur'],
]) add(R14, '+', text, { must: [label], act: label === 'slur' ? 'reject' : 'notAllow' });
for (const text of [
  'Der Außenminister hat heute in Moskau verhandelt.',
  'El gobierno español condenó el ataque.',
  "Le Kremlin n'a pas commenté l'accord.",
  'Il ministro degli esteri incontrerà Lavrov domani.',
]) add(R14, '-', text, CLEAN);

// Round 15, written blind after round 14's fixes, before any was run: words that hold a slur's
// letters, homonyms in their innocent sense, and slurs glued, spaced or disguised.
const R15 = 'round 15 (blind): slur letters, homonyms, disguises';
for (const text of [
  'The pilot stayed in the cockpit during the whole standoff.',
  'They tried to assassinate the opposition leader twice.',
  'My therapist says the news is bad for my sleep.',
  'The niggling doubt is whether Moscow will keep its word.',
  'Shiitake mushrooms are expensive in Moscow now.',
  'A Dickensian level of poverty in the Russian provinces.',
  'The raccoon got into our trash again.',
  'We clinked glasses and toasted the ceasefire.',
  'Penistone and Scunthorpe both voted to leave.',
  'The spic-and-span embassy looked brand new.',
]) add(R15, '-', text, CLEAN);
for (const text of [
  'Send the k1kes back to Tel Aviv.',
  'Those gooks in Beijing are lying.',
  'What a dumb wop.',
  'Shut up you r.3.t.a.r.d',
  'Thefaggots at the embassy never learn.',
  'Go home, pakis.',
  'Stupid dagos running the Italian embassy.',
  'Every spic in the consulate should be fired.',
]) add(R15, '+', text, { must: ['slur'], act: 'reject' });

// Round 16, written blind after round 15's fix, before any was run: comments as the seed pages'
// readers write them, long, angry and partisan, with the label in a clause or two.
const R16 = 'round 16 (blind): as the seed pages\' readers write';
add(R16, '+', 'The D-RATs sold us out to China and now they cry about Russia. Pathetic.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(R16, '+', 'Typical TDS sufferers, everything is Putin\'s fault with you people.', { must: ['partisan_epithet'], not: ['off_topic'] });
add(R16, '+', 'Bejing Biden and his crackhead son got rich off Ukraine, wake up!', { must: ['partisan_epithet'], not: ['off_topic'] });
add(R16, '+', 'You are a absolute moron if you believe a word Lavrov says.', { must: ['insult'], not: ['off_topic'], act: 'notAllow' });
add(R16, '+', 'Theidiots in the State Department never learn.', { must: ['insult'], act: 'notAllow' });
add(R16, '+', 'Putin is a thug and a murderer, and the morons defending him here are worse.', { must: ['insult'], act: 'notAllow' });
add(R16, '-', 'Putin has been saying the same thing since his Munich speech in 2007. Nobody listened then either.', CLEAN);
add(R16, '-', 'The sanctions hurt Europe more than Russia, look at German industry. We should have a real debate about this.', CLEAN);
add(R16, '-', 'Both parties have failed on Russia for twenty years. Bush looked into his soul, Obama reset, Trump flattered him.', CLEAN);
add(R16, '-', 'I disagree with the author. Russia is not isolated, it trades with China, India and half of Africa.', CLEAN);
add(R16, '+', 'Upvote Downvote Reply', { must: ['off_topic'] });
add(R16, '+', 'Related: Kremlin says talks with Washington are frozen', { must: ['off_topic'] });

// ===== COMBINATIONS =====
const C1 = 'labels combine ("Stupid Demonrats and their lying media" = insult+partisan; "Libtards and their retarded Russia hoax" = partisan+slur)';
add(C1, '+', 'Brainless Dumbocrats and their fake Russia panic.', { must: ['insult', 'partisan_epithet'], not: ['off_topic'] });
add(C1, '+', 'Trumptards and their retarded love affair with Putin.', { must: ['partisan_epithet', 'slur'], not: ['off_topic'], act: 'reject' });
add(C1, '+', 'Moscow Mitch is a gutless coward.', { must: ['insult', 'partisan_epithet'], not: ['off_topic'] });
add(C1, '+', 'Idiot MAGAts cheering for the Kremlin again.', { must: ['insult', 'partisan_epithet'], not: ['off_topic'] });
add(C1, '+', 'Buy my crypto course, you broke morons.', { must: ['insult', 'off_topic'] });
add(C1, '-', 'Democrats and their fake Russia panic.', { not: ['partisan_epithet', 'slur', 'off_topic'], deb: 'insult is a don\'t-care; "fake panic" criticises an idea' });
add(C1, '-', 'Republicans and their strange love affair with Putin.', CLEAN);
add(C1, '-', 'Stupid Russia hoax, nothing more.', { not: ['partisan_epithet', 'slur', 'off_topic', 'insult'], deb: '"stupid" here targets an idea' });
add(C1, '-', 'Mitch McConnell blocked the bill, as expected.', CLEAN);

// ===== ACTIONS =====
const A1 = 'actions: reject for slur or strong insult, review for uncertain/counter-speech, allow otherwise';
add(A1, '+', 'You worthless, brain-dead moron, go back to your troll farm.', { must: ['insult'], act: 'reject', deb: '"strong" is threshold-dependent' });
add(A1, '+', 'Retards like you are why Putin wins.', { must: ['slur'], act: 'reject' });
add(A1, '+', 'Calling people retards says more about you than about the Kremlin.', { not: ['slur'], act: 'notReject' });
add(A1, '+', 'Honestly I think both governments are acting in bad faith here.', CLEAN);
add(A1, '-', 'Both sides should return their ambassadors and get back to the table.', CLEAN);
add(A1, '-', 'The sanctions are working; the ruble tells you everything.', CLEAN);
add(A1, '-', 'I served in Germany in the 80s. This feels exactly like then.', CLEAN);
add(A1, '-', 'Peace through strength. Arm Ukraine and keep talking to Moscow.', CLEAN);

// ---------------------------------------------------------------- run
const m = createModerator();
const out = [];
for (const p of P) {
  const v = m.moderate(p.text, p.article ? { article: p.article } : {});
  const miss = p.must.filter((l) => !v.labels.includes(l));
  const extra = p.not.filter((l) => v.labels.includes(l));
  let actFail = null; let actSoft = false;
  if (p.act === 'reject' && v.action !== 'reject') actFail = `action ${v.action}, expected reject`;
  if (p.act === 'notReject' && v.action === 'reject') actFail = 'action reject, expected not reject';
  if (p.act === 'notAllow' && v.action === 'allow') { actFail = 'action allow for a labelled comment'; }
  if (p.act === 'allow' && v.action !== 'allow') { actFail = `action ${v.action}, expected allow`; actSoft = v.action === 'review'; }
  const labelFail = miss.length || extra.length;
  const status = !labelFail && !actFail ? 'PASS' : (p.deb || (!labelFail && actSoft)) ? 'DEBATABLE' : 'FAIL';
  out.push({ ...p, article: p.article === RU ? 'RU' : p.article === BASEBALL ? 'BASEBALL' : p.article === RECIPE ? 'RECIPE' : p.article, status, miss, extra, actFail,
    got: { labels: v.labels, scores: v.scores, action: v.action, language: v.language, rules: v.matches.map((x) => `${x.ruleId}:"${x.text}"${x.mentioned ? '(mentioned)' : ''}`) } });
}
const jsonAt = process.argv.indexOf('--json');
if (jsonAt !== -1) writeFileSync(process.argv[jsonAt + 1], JSON.stringify(out, null, 1));

const byClause = new Map();
for (const r of out) {
  const c = byClause.get(r.clause) ?? { pos: [0, 0], neg: [0, 0], deb: 0 };
  const k = r.pol === '+' ? 'pos' : 'neg';
  c[k][1]++; if (r.status === 'PASS') c[k][0]++; if (r.status === 'DEBATABLE') c.deb++;
  byClause.set(r.clause, c);
}
const fmtScores = (s) => Object.entries(s).map(([k, v]) => `${k.replace('partisan_epithet', 'partisan')}=${v}`).join(' ');
console.log('== per clause (passes / probes) ==');
for (const [c, v] of byClause) console.log(`${v.pos[0]}/${v.pos[1]} +  ${v.neg[0]}/${v.neg[1]} -  (${v.deb} debatable)  ${c}`);
const tot = out.filter((r) => r.status === 'PASS').length;
console.log(`TOTAL ${tot}/${out.length} pass, ${out.filter((r) => r.status === 'FAIL').length} fail, ${out.filter((r) => r.status === 'DEBATABLE').length} debatable\n`);
for (const st of ['FAIL', 'DEBATABLE']) {
  console.log(`== ${st} ==`);
  for (const r of out.filter((x) => x.status === st || (process.argv.includes('--all') && st === 'FAIL' && x.status === 'PASS'))) {
    console.log(`[${r.clause.split(':')[0]} ${r.pol}] ${JSON.stringify(r.text)}  (article ${r.article})`);
    console.log(`   expected must=[${r.must}] not=[${r.not}] act=${r.act ?? '-'}${r.deb ? `  (debatable: ${r.deb})` : ''}`);
    console.log(`   got labels=[${r.got.labels}] action=${r.got.action} lang=${r.got.language} ${fmtScores(r.got.scores)}`);
    console.log(`   rules: ${r.got.rules.join(', ') || '(none)'}`);
    console.log(`   problem: ${[r.miss.length ? `missing ${r.miss}` : '', r.extra.length ? `extra ${r.extra}` : '', r.actFail ?? ''].filter(Boolean).join('; ')}`);
  }
}
