//! English subject banks for arts and sports, and the vocabulary of the sport and culture
//! registers.
//!
//! The conventions are those of `en_news`: singular topics, group actors, facts without a
//! final stop. All events and people are invented.

use super::Bank;

/// Subjects written in the sport and culture registers rather than the news one.
pub(super) const REGISTERS: &[(&str, &str)] = &[
    ("sport", "football|basketball|motorsports|tennis"),
    (
        "culture",
        "cinema|music|events|portrait|reviews|performing-arts|travel|food|fashion|feature|\
         history|religion",
    ),
];

/// Vocabulary that replaces the news entries of `en::LEXICON` in each register.
pub(super) const REGISTER_WORDS: &[(&str, &str)] = &[
    (
        "sport:concern",
        "the pressure of a crowded fixture list|a long injury list|the cost of new signings|\
         the lack of depth on the bench|the state of the pitch|the gap to the leaders",
    ),
    (
        "sport:outcome",
        "decided in the final weeks of the season|settled before the next round|\
         reviewed by the club board|discussed again after the international break",
    ),
    (
        "sport:audience",
        "supporters|season-ticket holders|young players|local clubs|families in the stands",
    ),
    (
        "sport:roles",
        "a former midfielder|a youth coach|a sports journalist|\
         a season-ticket holder of twenty years|a physiotherapist who works with young athletes|\
         a former national team player",
    ),
    (
        "sport:verdict",
        "the club's best chance in years|a test of character|long overdue|a gamble worth taking",
    ),
    (
        "sport:judgement",
        "far from settled|the talk of the dressing room|more complicated than it looks",
    ),
    (
        "sport:quote",
        "We take it one match at a time|The players know exactly what is at stake|\
         Our supporters deserve a team that fights for every ball|\
         Nothing is decided yet, and we will keep working|\
         Pressure is part of the game, and we enjoy it|\
         We have a young squad, and they are learning fast",
    ),
    (
        "sport:developed",
        "dominated the sports pages|divided supporters|drawn huge crowds",
    ),
    (
        "sport:hcause",
        "a string of defeats|a dramatic late winner|a week of speculation|\
         a heated press conference",
    ),
    (
        "sport:heading",
        "On the pitch|Off the pitch|In the stands|The numbers|What the coach said|Looking ahead",
    ),
    (
        "sport:genfact",
        "fans gathered outside the training ground {day}|\
         the coaching staff studied hours of match footage {day}|\
         local newspapers in {city} have covered {topic} extensively|\
         ticket prices for the next home match were announced {day}|\
         about {pct} percent of supporters in an online poll backed the coach|\
         former players have weighed in on {topic} on television|\
         the squad travelled to {city} for a short training camp|\
         the youth teams trained alongside the first team {day}",
    ),
    (
        "culture:genfact",
        "the organisers published the full programme {day}|\
         tickets went on sale {day} and sold quickly|\
         local newspapers in {city} have covered {topic} extensively|\
         a series of talks on {topic} was held in {city} {day}|\
         about {pct} percent of visitors in a recent survey said they would return|\
         volunteers have helped behind the scenes since {since}|\
         schools in {city} have organised group visits|\
         a small exhibition on {topic} opened in {city} {day}",
    ),
    (
        "culture:concern",
        "rising costs for small venues and producers|the lack of public funding|\
         the loss of old crafts and traditions|the pressure of mass tourism|\
         the pull of digital platforms|the struggle to reach young audiences",
    ),
    (
        "culture:outcome",
        "extended for another season|taken to other cities next year|\
         expanded with a new programme|reviewed by the organisers after the summer",
    ),
    (
        "culture:audience",
        "audiences|young people|visitors|local residents|families|students",
    ),
    (
        "culture:roles",
        "a curator at a private museum|a music critic|a film programmer|a theatre director|\
         a retired art teacher|an art historian|a regular visitor|\
         a bookseller in the old town|a food writer|a travel guide",
    ),
    (
        "culture:verdict",
        "a welcome surprise|long overdue|a bold choice|worth the wait|a risk worth taking",
    ),
    (
        "culture:judgement",
        "far from over|long overdue|a sign of the times|more complicated than it looks",
    ),
    (
        "culture:quote",
        "Good work needs time, and people need a reason to come back|\
         We wanted to make something people would remember|\
         The public has been more curious than we expected|\
         Every season teaches us something new about our audience|\
         Young people need places to try, fail and try again|\
         Culture is not a luxury; it is part of everyday life",
    ),
    (
        "culture:developed",
        "drawn growing crowds|become a talking point|won admirers in {city}",
    ),
    (
        "culture:hcause",
        "a sold-out opening|months of preparation|glowing early reviews|a long break",
    ),
    (
        "culture:heading",
        "Behind the scenes|The programme|First impressions|The audience|What comes next|\
         A closer look",
    ),
];

/// One bank per arts and sports subject.
pub(super) const ARTS: &[Bank] = &[
    Bank {
        subjects: "cinema",
        topics: "the film festival in Antalya|the new wave of Turkish documentaries|\
                 the restoration of classic Yeşilçam films|the debut feature by a young director|\
                 the outdoor cinema season",
        actors: "filmmakers|critics|festival organisers|producers",
        facts: "the festival screened more than a hundred films over ten days|\
                the documentary took five years to complete|\
                audiences queued around the block for the opening night|\
                the restored films will be shown in cinemas across the country|\
                the director cast non-professional actors from a village",
        keywords: "cinema|film|festival",
        scenes: "Guests walk the red carpet at a festival opening|\
                 An audience watches a film under the stars|A projectionist threads a reel of film",
        places: "Antalya|Istanbul|Ankara|Adana",
        headlines: "Critics and crowds turn out for {main}|\
                    On screen: {main} and the filmmakers behind it",
    },
    Bank {
        subjects: "music",
        topics: "the jazz festival|the revival of Anatolian rock|the folk ensemble's new album|\
                 the classical music season|the street music scene of Beyoğlu",
        actors: "musicians|concert promoters|music critics|producers",
        facts: "tickets for the opening concert sold out within hours|\
                the band recorded the album in a village house|\
                the festival brings together musicians from several continents|\
                the orchestra will perform works by Turkish and European composers|\
                streaming has changed how young listeners discover music",
        keywords: "music|concerts|culture",
        scenes: "A saxophonist performs on an open-air stage|\
                 Street musicians play for a crowd on a busy avenue|\
                 An orchestra rehearses in a concert hall",
        places: "Istanbul|Izmir|Ankara",
        headlines: "{Mainh} strikes a chord with audiences in {place}|\
                    Musicians take the stage for {main}",
    },
    Bank {
        subjects: "events",
        topics: "the book fair|the design week|the contemporary art biennial|\
                 the open-air theatre season|the children's festival",
        actors: "organisers|visitors|publishers|artists",
        facts: "organisers expect hundreds of thousands of visitors|\
                entry is free for students and people over sixty-five|\
                the programme includes workshops, talks and performances|\
                the event will take place across several venues in the city|\
                publishers reported strong sales on the first weekend",
        keywords: "events|festivals|culture",
        scenes: "Visitors browse stands at a book fair|\
                 Children watch a puppet show in a park|Crowds gather around an art installation",
        places: "Istanbul|Izmir|Ankara|Eskişehir",
        headlines: "What to see at {main} this weekend|{Mainh} opens its doors in {place}",
    },
    Bank {
        subjects: "portrait",
        topics: "the retrospective of a Black Sea painter|the revival of Iznik tile-making|\
                 the new novel about small coastal towns|the street theatre actor's first film|\
                 the photo series on disappearing villages",
        actors: "friends and colleagues|critics|former students|fellow artists",
        facts: "the artist has painted the same hill every morning for a year|\
                the first novel was rejected by a dozen publishers|\
                the studio is filled with unfinished works and old photographs|\
                the artist rarely gives interviews|\
                the retrospective brings together work from four decades",
        keywords: "portrait|artists|culture",
        scenes: "An artist works at an easel in a sunlit studio|\
                 Glazed tiles dry on wooden racks in a workshop|\
                 A photographer walks through an abandoned village",
        places: "Istanbul|Trabzon|Kütahya|Izmir",
        headlines: "Portrait: the artist behind {main}|In the studio: the making of {main}",
    },
    Bank {
        subjects: "reviews",
        topics: "the new production of a classic play|the debut novel by a young writer|\
                 the exhibition at the modern art museum|the latest album from an indie band|\
                 the new staging of a Mozart opera",
        actors: "critics|audiences|reviewers|readers",
        facts: "the production runs for just over two hours with one interval|\
                the novel is told from the point of view of three sisters|\
                the exhibition fills four galleries|\
                the songs are short, sharp and full of ideas|\
                the staging makes clever use of a small space",
        keywords: "reviews|culture|criticism",
        scenes: "Actors take a bow at the end of a performance|\
                 A visitor stands before a large canvas|A reader leafs through a new novel",
        places: "Istanbul|Ankara|Izmir",
        headlines: "Review: {main} is ambitious and rewarding|\
                    Review: {main} does not quite hold together",
    },
    Bank {
        subjects: "performing-arts",
        topics: "the state opera's new season|the contemporary dance festival|\
                 the revival of shadow puppet theatre|the new musical on the Istanbul stage|\
                 the ballet school's graduation performance",
        actors: "choreographers|dancers|directors|theatre companies",
        facts: "rehearsals ran for three months|the company tours a dozen cities each year|\
                young audiences have returned to the theatre|\
                the show combines traditional music with modern dance|\
                the theatre reopened after a long restoration",
        keywords: "theatre|dance|opera",
        scenes: "Dancers rehearse in a mirrored studio|\
                 A puppeteer moves figures behind a lit screen|An audience applauds in an opera house",
        places: "Istanbul|Ankara|Izmir|Bursa",
        headlines: "Behind the curtain of {main}|{Mainh} brings new energy to the stage",
    },
    Bank {
        subjects: "football",
        topics: "the title race|the derby at the weekend|the summer transfer window|\
                 the national team's qualifying campaign|the new stadium project",
        actors: "coaches|club officials|supporters|players",
        facts: "the team has won five of its last six matches|\
                tickets for the derby sold out within hours|\
                the club confirmed the signing of a young midfielder|\
                the national team needs a win to stay in contention|\
                the stadium will hold more than forty thousand spectators",
        keywords: "football|süper lig|sport",
        scenes: "Supporters wave scarves in the stands|\
                 Players train on a rain-soaked pitch|A goalkeeper dives to make a save",
        places: "Istanbul|Trabzon|Izmir|Ankara|Konya|Kayseri",
        headlines: "Fans count the days to {main}|Coaches weigh their options ahead of {main}",
    },
    Bank {
        subjects: "basketball",
        topics: "the EuroLeague campaign|the basketball super league play-off series|\
                 the women's national team|the club's youth academy|the new arena",
        actors: "coaches|players|club officials|fans",
        facts: "the team came back from a fifteen-point deficit|\
                the women's league has grown steadily in recent years|\
                the academy has produced several professional players|\
                the arena was full for the decisive game|\
                the point guard scored thirty points",
        keywords: "basketball|euroleague|sport",
        scenes: "A player rises for a dunk|Fans celebrate in a packed arena|\
                 Young players practise free throws in a school gym",
        places: "Istanbul|Ankara|Izmir|Bursa",
        headlines: "Basketball fans pack the arena for {main}|Coaches eye a strong finish in {main}",
    },
    Bank {
        subjects: "motorsports",
        topics: "the grand prix at Istanbul Park|the rally championship round|\
                 the karting academy|the motorcycle championship|the electric racing series",
        actors: "drivers|team principals|race organisers|fans",
        facts: "the circuit's famous turn eight is a favourite of drivers|\
                the rally stages run through forest roads|\
                young drivers start karting as early as eight|\
                fans camped near the track overnight|\
                teams spent the week adjusting their cars to the heat",
        keywords: "motorsports|racing|sport",
        scenes: "Cars speed through a corner|A rally car kicks up dust on a forest road|\
                 Mechanics change tyres in the pit lane",
        places: "Istanbul|Marmaris|Izmir|Kocaeli",
        headlines: "Engines roar as {main} returns to {place}|Drivers and fans gear up for {main}",
    },
    Bank {
        subjects: "tennis",
        topics: "the Istanbul tennis tournament|the rise of young Turkish players|\
                 the Davis Cup tie|the women's tennis circuit|the new clay court complex",
        actors: "players|coaches|tournament organisers|fans",
        facts: "the match lasted nearly three hours|\
                the young player climbed more than a hundred places in the rankings|\
                the tournament attracts players from around the world|\
                the clay courts drain quickly after rain|\
                the crowd gave both players a standing ovation",
        keywords: "tennis|sport|tournament",
        scenes: "A player serves on a clay court|Spectators shelter from the sun in the stands|\
                 Ball kids collect balls between points",
        places: "Istanbul|Antalya|Ankara",
        headlines: "Young players shine at {main}|Rain, heat and drama at {main}",
    },
];
