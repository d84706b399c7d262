//! English sentence templates and shared vocabulary for the demo text generator.
//!
//! Each entry is a slot name and its `|`-separated alternatives. Templates refer to other
//! slots in braces: `{main}` is the article's topic, `{place}` its dateline, `{topic}`,
//! `{actor}`, `{fact}` and `{scene}` come from the subject's bank, `{name}` and `{role}`
//! invent a person, and a capitalised slot name capitalises its text. Entries prefixed
//! `op_` are for opinion pieces, `ed_` for editorials.

pub(super) const LEXICON: &[(&str, &str)] = &[
    (
        "headline",
        "{Mainh} faces fresh scrutiny in {place}|\
         {Actorh} urged to rethink {main} after {hcause}|\
         What {main} means for {audience} in {place}|\
         Why {main} is back on the agenda in {place}|\
         Questions mount over {main} as deadline nears|\
         {Mainh} moves ahead despite concern over {concern}|\
         In {place}, {main} divides opinion among {audience}|\
         {Num} things to know about {main}|\
         {Mainh} wins cautious backing in {place}|\
         {Place} watches closely as {main} takes shape|\
         A closer look at {main} and what comes next|\
         {Mainh} stalls as {concern} takes centre stage|\
         {Actorh} and critics at odds over {main}|\
         {Mainh}: what we know so far about the next steps|\
         After {hcause}, {main} returns to the spotlight|\
         {Actorh} set out a new timeline for {main}|\
         {Actorh} put {main} back on the table|\
         {Actorh} cautious over {main} amid {concern}|\
         Pressure grows on {actor} over {main}|\
         How {place} is responding to {main}|\
         Behind the debate over {main} in {place}|\
         New details emerge on {main} in {place}|\
         Worries over {concern} cast a shadow on {main}|\
         {Place} caught between hope and worry over {main}|\
         {Mainh}: what it means for {audience}|\
         Analysis: what lies behind the row over {main}",
    ),
    (
        "standfirst",
        "{Actor} said {day} that {main} would be {outcome}, as {audience} in {place} wait for \
         clearer answers.|\
         {Fact}. The debate over {main} is now being followed closely by {audience} in {place}.|\
         As {fact}, questions are growing over {main} and {concern}.|\
         {Main} has returned to the centre of public debate in {place}, with {actor} pointing \
         to {concern}.|\
         New details about {main} emerged {day}, raising fresh questions about {concern} and \
         what comes next for {audience}.",
    ),
    (
        "lede",
        "{Actor} {ledeverb} {main} {day}, {ledetail}.|\
         {Main} came under fresh scrutiny in {place} {day} after {fact}.|\
         In {place}, {main} was back at the centre of public debate {day} as {fact}.|\
         New details about {main} emerged {day}, as {fact}.|\
         {Actor} moved {day} to {ledeinf} {main}, {ledetail}.",
    ),
    (
        "ledeverb",
        "set out plans for|raised new questions about|pressed ahead with|\
         put fresh focus on|announced a review of",
    ),
    (
        "ledeinf",
        "speed up work on|set new rules for|open a public consultation on|review the terms of",
    ),
    (
        "ledetail",
        "a step that could shape {topic} for years to come|\
         in a move watched closely in {city} and beyond|as {fact}|amid concern over {concern}",
    ),
    (
        "body",
        "{Actor} said {day} that {main} would be {outcome}.|\
         According to {source}, {fact}.|\
         {Fact}, according to {source}.|\
         \"{Quote},\" said {name}, {role}.|\
         {name}, {role}, said the debate over {topic} was {judgement}.|\
         The discussion comes as {fact}.|\
         Critics point to {concern}, while supporters say {topic} is {verdict}.|\
         Around {pct} percent of those asked in a recent survey said they followed {topic} \
         closely.|\
         Officials in {city} declined to comment on {concern}.|\
         Since {since}, {topic} has {developed}.|\
         It was not immediately clear how {main} would affect {audience}.|\
         {Actor} warned {day} that {concern} could slow progress on {topic}.|\
         The next steps on {main} are expected to be set out {later}.|\
         Observers note that {fact}.|\
         For many in {place}, {main} is {verdict}.|\
         Asked about {concern}, {actor} said more details would follow {later}.|\
         {Fact}.|\
         {name}, {role}, said {audience} wanted clear answers about {main}.|\
         \"{Quote},\" {name} told this newspaper.",
    ),
    (
        "close",
        "A decision on {main} is expected {later}.|\
         For now, {fact}.|\
         Whatever the outcome, {main} is likely to remain a subject of debate in {place} for \
         some time.|\
         {Actor} said further updates would be shared {later}.|\
         The next meeting on {main} is due to take place {later}.",
    ),
    ("item", "{Fact}"),
    (
        "quote",
        "We have waited a long time for clarity on {topic}, and people want answers|\
         This is not only about {topic}; it is about whether people trust the process|\
         Nobody expected this to be easy, but we are moving in the right direction|\
         What we need now is dialogue, not accusations|\
         The details matter, and we will keep asking questions until we get them|\
         I have seen many plans come and go, but this one feels different|\
         People here care less about slogans and more about what changes on the ground|\
         We will judge {topic} by its results, not its announcements",
    ),
    ("cite", "{name}, {role}"),
    (
        "heading",
        "What has changed|Mixed reactions|A long road|What comes next|The background|\
         Voices from {place}|By the numbers|Reaction in {city}|The view from the ground|\
         Unanswered questions",
    ),
    (
        "list_intro",
        "The main points raised so far include the following:|\
         Officials outlined several points:|Here is what we know so far:|\
         Among the key details:",
    ),
    (
        "note",
        "Additional reporting by {name} in {city}.|{name} contributed reporting from {city}.|\
         This article has been updated with further details.",
    ),
    (
        "caption",
        "{Scene} in {place} {day}.|{Scene} in {place}.|{Scene} near {place} {day}.",
    ),
    (
        "op_headline",
        "Why I changed my mind about {main}|We need an honest conversation about {main}|\
         {Mainh} deserves better than slogans|The case for patience on {main}|\
         What {place} can teach us about {main}|It is time to rethink {main}|\
         I was wrong about {main}, and here is why|Let us stop pretending {main} is simple|\
         A letter from {city} on {main}|{Mainh} is a test we cannot afford to fail",
    ),
    (
        "op_standfirst",
        "The debate over {main} has become too narrow, and I think we are missing something \
         important: {concern}.|\
         I have spent months listening to {audience} in {place}, and they deserve a better \
         answer on {main} than the one they are getting.|\
         We keep treating {main} as a technical matter. I argue that it is really about trust, \
         fairness and {concern}.|\
         Before we decide on {main}, I want to make the case for slowing down and asking \
         harder questions.",
    ),
    (
        "op_lede",
        "I have followed {main} for years, and I have rarely seen the debate as heated as it \
         is now.|\
         Let me begin with a simple claim: {main} deserves more attention than it gets.|\
         Every few months, someone tells me that {main} is a matter for experts alone, and \
         every time I disagree.|\
         When I first wrote about {main}, I thought the answer was obvious; I no longer do.|\
         I live in {city}, and I want to explain why {main} matters more to my neighbours \
         than the headlines suggest.",
    ),
    (
        "op_body",
        "It is true that {fact}, but that is only part of the story.|\
         I am not persuaded by the argument that {topic} can wait.|\
         What worries me most is {concern}.|\
         When I spoke to {name}, {role}, the message was clear: \"{Quote}.\"|\
         In my view, {main} is {verdict}.|\
         I would go further: {concern} is not a side issue but the heart of the matter.|\
         We should ask who benefits from {topic}, and who pays for it.|\
         I do not pretend that the answers are easy.|\
         Those who dismiss {topic} as a distraction should spend an afternoon in {city}.|\
         I have heard {actor} argue that {topic} is {verdict}, and I am not so sure.|\
         I believe we can do better, and I think most readers would agree.|\
         My own experience suggests that {audience} notice these changes long before \
         officials do.|\
         Consider the fact that {fact}.|\
         I have read the documents, and what strikes me is how little they say about \
         {concern}.|\
         If I could ask {actor} one question, it would be this: who was consulted about \
         {topic}?|\
         I understand the appeal of quick results on {topic}, but speed is not a policy.|\
         I keep returning to a simple test: will {audience} in {place} feel the difference?",
    ),
    (
        "op_close",
        "My conclusion is modest: {main} needs patience, honesty and a little more listening.|\
         I will keep writing about {main}, because I think our readers deserve better than \
         slogans.|\
         If we get {main} right, {place} will be better for it; if we get it wrong, we will \
         all notice.|\
         I may be wrong, but I would rather argue about {main} now than regret our silence \
         later.",
    ),
    (
        "op_heading",
        "The real question|What I would do instead|A word to the sceptics|Where I stand|\
         The view from {city}|What the numbers do not show",
    ),
    (
        "op_list_intro",
        "Here is what I would ask for:|A few things would help:|My suggestions are simple:",
    ),
    (
        "op_item",
        "Publish the full details of {topic}|Consult {audience} before the next step|\
         Set a clear timetable and stick to it|Explain how {concern} will be addressed|\
         Report back to the public every few months|Listen to those who know {city} best",
    ),
    (
        "op_note",
        "The writer is a columnist based in {city}.|\
         The writer is a regular contributor to these pages.|\
         The author is a reader from {city}.",
    ),
    (
        "ed_headline",
        "Our view: {main} needs clarity, not haste|The right way forward on {main}|\
         {Mainh} deserves a serious public debate|Our view on {main} and {concern}|\
         What {place} should expect from {main}",
    ),
    (
        "ed_standfirst",
        "This newspaper believes {main} can succeed, but only if {concern} is addressed \
         openly and early.|\
         We have supported reform in principle. On {main}, the details now matter more than \
         the slogans.|\
         Our readers in {place} have raised {concern} again and again; it is time {main} \
         answered them.",
    ),
    (
        "ed_lede",
        "This newspaper has followed {main} closely, and we believe the moment has come for a \
         clearer public debate.|\
         There is much to welcome in {main}, but we are not yet convinced that {concern} has \
         been taken seriously.",
    ),
    (
        "ed_body",
        "We recognise that {fact}.|Our concern is {concern}.|\
         We have argued before that {topic} deserves patience.|\
         It is true that {fact}, but that is only part of the story.|\
         We urge {actor} to publish the full details and to listen to {audience}.|\
         Nobody should pretend that the choices are easy.|\
         Readers in {city} have written to us about {concern}, and their letters deserve an \
         answer.|\
         We do not doubt the good intentions behind {main}; we doubt the timetable.|\
         Consider the fact that {fact}.|\
         We believe {audience} in {place} are owed a plain explanation.|\
         The case for {topic} is stronger than its critics admit.|\
         We would be more persuaded if the figures were published in full.|\
         The lesson of past reforms is that timetables slip when nobody is accountable.|\
         We see no reason why {audience} should wait for answers any longer.|\
         Public trust is earned slowly and lost quickly.|\
         We welcome the fact that {fact}.|\
         There is still time to change course on {topic}.",
    ),
    (
        "ed_close",
        "We will continue to follow {main}, and we will hold all sides to the standards they \
         have set for themselves.|\
         Our view is simple: get {main} right, even if it takes longer.",
    ),
    (
        "ed_note",
        "This editorial reflects the view of the editorial board.",
    ),
    (
        "hcause",
        "weeks of debate|public criticism|a surge in complaints|talks in {city}|\
         a heated session|new figures",
    ),
    (
        "source",
        "officials familiar with the matter|a statement released {day}|\
         people briefed on the discussions|\
         local media reports|documents seen by this newspaper",
    ),
    (
        "outcome",
        "reviewed again before the end of the year|discussed at a public meeting next month|\
         delayed until the autumn|revised after a public consultation|\
         expanded to more provinces next year|examined by an independent panel",
    ),
    (
        "concern",
        "the rising cost of living|a lack of transparency|the pace of change|\
         the burden on small businesses|the impact on young people|the question of fairness|\
         the risk of further delays|pressure on public budgets",
    ),
    (
        "audience",
        "families|small businesses|commuters|local authorities|young people|pensioners|\
         students|shopkeepers",
    ),
    (
        "judgement",
        "far from over|long overdue|more complicated than it looks|\
         being watched closely in {city}|a test of good governance",
    ),
    (
        "verdict",
        "a necessary step|the best option available|long overdue|a chance worth taking|\
         worth getting right",
    ),
    (
        "developed",
        "moved slowly|drawn growing attention|become a regular subject of debate|\
         divided opinion in {city}",
    ),
    (
        "later",
        "in the coming weeks|before the end of the month|after the summer|early next year|\
         later this year",
    ),
    (
        "since",
        "the spring|last year|the start of the year|last autumn|the beginning of the month",
    ),
    (
        "day",
        "on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|on Saturday|on Sunday|\
         last week|earlier this month|this week|over the weekend",
    ),
    ("num", "three|four|five|six|seven"),
    (
        "genfact",
        "a meeting on {topic} was held in {city} {day}|\
         {actor} held talks with representatives from {city} {day}|\
         a working group on {topic} presented its findings {day}|\
         public interest in {topic} has grown steadily since {since}|\
         local newspapers in {city} have covered {topic} extensively|\
         questions about {concern} were raised at a public meeting in {city}|\
         about {pct} percent of respondents in a recent survey said {topic} should be a \
         priority|\
         a petition on {topic} gathered thousands of signatures|\
         officials in {city} said they were preparing a detailed response|\
         the issue featured prominently in television debates {day}",
    ),
    (
        "cities",
        "Ankara|Istanbul|Izmir|Bursa|Antalya|Gaziantep|Konya|Trabzon|Eskişehir|Diyarbakır|\
         Kayseri|Mersin|Samsun|Edirne",
    ),
    (
        "first_m",
        "Murat|Emre|Kerem|Baran|Can|Yusuf|Omar|Karim|Tomas|Daniel|Mehmet|Ali",
    ),
    (
        "first_f",
        "Selin|Elif|Aylin|Zeynep|Leyla|Defne|Irem|Nadia|Sara|Hannah|Ayşe|Merve",
    ),
    (
        "surnames",
        "Kaya|Aydın|Yalçın|Korkmaz|Arslan|Şahin|Öztürk|Koç|Aksoy|Erdem|Haddad|Novak|\
         Brennan|Mansour|Costa|Okafor|Demir|Çelik",
    ),
    (
        "roles",
        "a researcher at a policy institute in Ankara|\
         a lecturer in economics at a university in Istanbul|a shopkeeper in the old town|\
         a retired teacher|a spokesperson for a local residents' association|\
         an analyst at a consultancy in Istanbul|a former diplomat|\
         a regional manager at a logistics firm|\
         a journalist who has covered the region for two decades|a community organiser|\
         a lawyer who has followed the case closely|a small business owner",
    ),
];
