//! English subject banks for politics, Türkiye and world news, plus the section groups.
//!
//! Topics are singular noun phrases with their article, actors are groups or bodies (they
//! only take past-tense or tenseless verbs), facts are clauses without a final stop. All
//! events and people are invented.

use super::Bank;

/// Every English subject slug, section parents included.
pub(super) const SUBJECTS: &str = "politics|diplomacy|legislation|war-on-terror|eu-affairs|\
    elections|news-analysis|turkiye|istanbul|education|investigations|minorities|expat-corner|\
    diaspora|world|mid-east|europe|americas|asia-pacific|africa|syrian-crisis|islamophobia|\
    business|automotive|economy|energy|finance|tourism|tech|defense|transportation|lifestyle|\
    health|environment|travel|food|fashion|science|religion|history|feature|arts|cinema|music|\
    events|portrait|reviews|performing-arts|sports|football|basketball|motorsports|tennis|\
    opinion|columns|op-ed|readers-corner|editorial|gallery|tv";

/// Section parents and their child subjects.
pub(super) const GROUPS: &[(&str, &str)] = &[
    (
        "politics",
        "diplomacy|legislation|war-on-terror|eu-affairs|elections|news-analysis",
    ),
    (
        "turkiye",
        "istanbul|education|investigations|minorities|expat-corner|diaspora",
    ),
    (
        "world",
        "mid-east|europe|americas|asia-pacific|africa|syrian-crisis|islamophobia",
    ),
    (
        "business",
        "automotive|economy|energy|finance|tourism|tech|defense|transportation",
    ),
    (
        "lifestyle",
        "health|environment|travel|food|fashion|science|religion|history|feature",
    ),
    (
        "arts",
        "cinema|music|events|portrait|reviews|performing-arts",
    ),
    ("sports", "football|basketball|motorsports|tennis"),
];

/// General news, for unknown subjects and photo or video pages.
pub(super) const GENERAL: Bank = Bank {
    subjects: "general",
    topics: "the city's changing skyline|the autumn harvest|the holiday travel rush|\
             the first snow of winter|the new cultural centre|the spring festival season",
    actors: "residents|local officials|visitors|shopkeepers|the city council",
    facts: "crowds gathered along the waterfront to watch|local markets were busier than usual|\
            the roads out of the city were jammed for hours|volunteers helped clear the streets|\
            the centre hosts exhibitions, concerts and workshops|\
            weather forecasters expect the mild spell to continue",
    keywords: "news|daily life|photography",
    scenes: "Pedestrians cross a square at dusk|Street vendors sell roasted chestnuts|\
             Children play in the snow outside a mosque|Farmers load crates of apples onto a truck|\
             Families stroll along the seafront promenade|A tram passes through a crowded avenue",
    places: "",
    headlines: "Scenes from {place}: {main}|Pictures of the week: {main} in {place}",
};

/// One bank per politics, Türkiye and world subject.
pub(super) const NEWS: &[Bank] = &[
    Bank {
        subjects: "diplomacy",
        topics: "the ceasefire proposal|the new trade corridor agreement|the visa facilitation deal|\
                 the regional water-sharing framework|the planned summit on maritime borders",
        actors: "senior diplomats|the foreign ministry|envoys from neighbouring countries|\
                 the ministry's spokespeople",
        facts: "delegations from five countries met behind closed doors for more than six hours|\
                a joint statement is expected once the technical teams finish their work|\
                the two sides agreed to reopen a consular office in {city}|\
                negotiators have narrowed their differences to a handful of clauses|\
                a draft text has been circulating among embassies since {since}",
        keywords: "diplomacy|foreign policy|negotiations",
        scenes: "Delegates arrive for talks at a conference hall|\
                 Flags line the entrance of a government guesthouse|\
                 Diplomats pose for a group photo before a working dinner",
        places: "Ankara|Istanbul|Geneva|Vienna|Baku|Doha",
        headlines: "Envoys meet in {place} as {main} enters a decisive phase|\
                    Diplomatic push on {main} gathers pace in {place}",
    },
    Bank {
        subjects: "legislation",
        topics: "the draft media law|the proposed rental regulation|the judicial reform package|\
                 the new consumer protection bill|the amendment to the labour code",
        actors: "opposition lawmakers|the parliamentary justice committee|\
                 members of the ruling bloc|the parliamentary speaker's office",
        facts: "the committee approved the first twelve articles after a late-night session|\
                lawyers' associations submitted more than forty written objections|\
                the bill is expected to reach the general assembly before the summer recess|\
                several provisions were rewritten after consultation with business groups|\
                a final vote has been postponed twice since {since}",
        keywords: "parliament|legislation|rule of law",
        scenes: "Lawmakers debate in the general assembly|Reporters wait outside a committee room|\
                 A clerk carries copies of a draft bill along a parliament corridor",
        places: "Ankara",
        headlines: "Parliamentary committee clears first articles of {main}|\
                    Lawyers raise objections to {main} before key vote",
    },
    Bank {
        subjects: "war-on-terror",
        topics: "the new counterterrorism strategy|the cross-border security operation|\
                 the joint intelligence-sharing arrangement|the trial of a suspected cell|\
                 the programme to prevent radicalisation",
        actors: "security officials|prosecutors|the interior ministry|regional security analysts",
        facts: "police detained several suspects in coordinated raids at dawn|\
                prosecutors presented thousands of pages of evidence to the court|\
                security was tightened at transport hubs ahead of the holiday|\
                the programme has trained hundreds of social workers and teachers since it began|\
                officials said the threat level remained unchanged",
        keywords: "security|counterterrorism|justice",
        scenes: "Police officers stand guard at a checkpoint|\
                 Security personnel patrol a busy ferry terminal|\
                 A courthouse is seen under tight security",
        places: "Ankara|Istanbul|Gaziantep|Brussels",
        headlines: "Security tightened in {place} as {main} moves forward|\
                    Court hears new evidence linked to {main}",
    },
    Bank {
        subjects: "eu-affairs",
        topics: "the customs union modernisation|the visa liberalisation dialogue|\
                 the annual accession progress report|the EU funding package for migration|\
                 the high-level dialogue with Brussels",
        actors: "EU officials|the ministry for European affairs|\
                 members of the European Parliament|business associations in Istanbul",
        facts: "the annual report praised progress in some areas while criticising others|\
                exporters have long argued that the current rules are out of date|\
                officials in Brussels described the latest talks as constructive|\
                a technical working group is due to meet again in {city}|\
                the visa issue remains one of the most discussed topics among travellers",
        keywords: "european union|brussels|trade",
        scenes: "Flags of the European Union fly outside a commission building|\
                 Officials shake hands before a meeting|\
                 Trucks queue at a logistics terminal before heading to Europe",
        places: "Brussels|Ankara|Strasbourg|Berlin",
        headlines: "Brussels and Ankara take stock of {main}|Exporters call for progress on {main}",
    },
    Bank {
        subjects: "elections",
        topics: "the local election campaign|the voter registration drive|\
                 the televised candidate debate|the redrawing of district boundaries|\
                 the proposed change to the election threshold",
        actors: "campaign officials|the election board|opposition candidates|independent observers",
        facts: "turnout among first-time voters is expected to be higher than last time|\
                polling stations will open at eight in the morning and close at five|\
                candidates have held dozens of rallies in the last fortnight|\
                the election board published a revised list of registered voters|\
                surveys suggest that the race in {city} remains close",
        keywords: "elections|voting|campaign",
        scenes: "Volunteers hand out leaflets at a market|\
                 Voters queue outside a school used as a polling station|\
                 Campaign buses decorated with banners drive through the city centre",
        places: "",
        headlines: "Candidates crisscross {place} as {main} heats up|\
                    {Mainh} enters its final week in {place}",
    },
    Bank {
        subjects: "news-analysis",
        topics: "the shift in regional alliances|the economic priorities of the new budget|\
                 the government's reform agenda|the balance between growth and inflation|\
                 the changing role of local government",
        actors: "analysts|political scientists|former officials|observers in Ankara",
        facts: "the last few months have brought a series of unexpected policy turns|\
                public opinion surveys show a growing focus on the cost of living|\
                many of the reforms announced last year are only now taking effect|\
                decision-makers face a narrower set of options than a year ago|\
                the same questions have resurfaced in three consecutive budget debates",
        keywords: "analysis|policy|politics",
        scenes: "A commuter reads a newspaper on a ferry|Pedestrians walk past a row of news kiosks|\
                 A television screen in a cafe shows a parliamentary debate",
        places: "Ankara|Istanbul",
        headlines: "Analysis: what {main} tells us about the year ahead|\
                    Analysis: the quiet politics behind {main}",
    },
    Bank {
        subjects: "istanbul",
        topics: "the new northern metro line|\
                 the plan to pedestrianise the historic peninsula|\
                 the earthquake-proofing programme for old buildings|\
                 the ferry timetable overhaul|the restoration of the Bosphorus waterfront mansions",
        actors: "municipal officials|residents' associations|urban planners|\
                 the metropolitan municipality",
        facts: "around two million passengers cross the Bosphorus every day|\
                the municipality opened three new parks on the Asian side this year|\
                rents in central districts have risen sharply since {since}|\
                engineers inspected more than a thousand buildings in the first phase|\
                traffic on the main bridges reached a record on the last holiday weekend",
        keywords: "istanbul|urban life|transport",
        scenes: "Commuters board a ferry at Kadıköy pier|Fishermen line the Galata Bridge at sunset|\
                 Tourists walk through the courtyard of a historic mosque",
        places: "Istanbul",
        headlines: "Istanbul residents weigh in on {main}|\
                    {Mainh} promises change for Istanbul's busiest districts",
    },
    Bank {
        subjects: "education",
        topics: "the new secondary school curriculum|the university entrance exam reform|\
                 the teacher recruitment plan|the school meals programme|\
                 the expansion of vocational training",
        actors: "the education ministry|teachers' unions|parents' associations|school principals",
        facts: "nearly three million students sat the entrance exam this year|\
                schools in several provinces are struggling with overcrowded classrooms|\
                the ministry plans to open dozens of new vocational schools|\
                teachers say the new textbooks arrived later than promised|\
                universities reported a rise in applications for engineering degrees",
        keywords: "education|schools|students",
        scenes: "Pupils walk to school carrying backpacks|Students revise in a university library|\
                 A teacher writes on a whiteboard in a village classroom",
        places: "",
        headlines: "Parents and teachers split over {main}|\
                    Schools prepare for {main} as the new term approaches",
    },
    Bank {
        subjects: "investigations",
        topics: "the inquiry into public procurement contracts|\
                 the investigation into a collapsed building project|\
                 the audit of municipal spending|the probe into an online fraud network|\
                 the case of the missing pension funds",
        actors: "investigators|prosecutors|auditors|lawyers for the families",
        facts: "documents reviewed by this newspaper show payments made through several firms|\
                the audit found irregularities in about a fifth of the contracts examined|\
                dozens of victims have come forward since the first report was published|\
                the company involved denied any wrongdoing in a written statement|\
                a court is expected to hear the first witnesses {later}",
        keywords: "investigation|accountability|courts",
        scenes: "Investigators examine the site of a collapsed building|\
                 Boxes of files are carried into a courthouse|\
                 Lawyers speak to reporters outside a prosecutor's office",
        places: "",
        headlines: "Documents shed new light on {main}|Investigation: unanswered questions in {main}",
    },
    Bank {
        subjects: "minorities",
        topics: "the restoration of a historic Armenian church|the Greek-language school programme|\
                 the return of foundation properties|the Assyrian heritage festival|\
                 the community broadcasting licence",
        actors: "community leaders|foundation representatives|local officials|historians",
        facts: "the restoration was funded partly by donations from the diaspora|\
                community schools have seen enrolment stabilise after years of decline|\
                the festival drew visitors from across the country|\
                several foundation properties have been returned to their original owners|\
                historians have catalogued hundreds of inscriptions in the region",
        keywords: "minorities|heritage|community",
        scenes: "Worshippers light candles in a restored church|\
                 Children perform at a community school celebration|\
                 Visitors admire stone houses in an old quarter",
        places: "Istanbul|Mardin|Antakya|Diyarbakır",
        headlines: "Community marks a milestone in {main}|Old stones, new hopes: inside {main}",
    },
    Bank {
        subjects: "expat-corner",
        topics: "the residence permit renewal process|the online appointment system for foreigners|\
                 the rising cost of renting for newcomers|the Turkish language course for adults|\
                 the health insurance requirement for foreign residents",
        actors: "expat groups|immigration officials|relocation consultants|foreign residents",
        facts: "the online system has cut waiting times in some cities but not in others|\
                many foreign residents say they rely on social media groups for advice|\
                language schools report growing demand for evening classes|\
                landlords in coastal towns increasingly ask for larger deposits|\
                consulates have published new guidance for their citizens",
        keywords: "expats|residency|living in türkiye",
        scenes: "Foreign residents wait outside an immigration office|\
                 Adults practise Turkish in an evening class|\
                 A newcomer browses flat listings in an estate agent's window",
        places: "Istanbul|Antalya|Izmir|Fethiye",
        headlines: "A newcomer's guide to {main}|Foreign residents share their experience of {main}",
    },
    Bank {
        subjects: "diaspora",
        topics: "the diaspora investment fund|the overseas voting arrangement|\
                 the Turkish-language weekend school network abroad|\
                 the new cultural centre in Berlin|the dual citizenship paperwork",
        actors: "diaspora organisations|consular officials|community associations in Germany|\
                 second-generation entrepreneurs",
        facts: "several million people of Turkish origin live across Europe|\
                weekend schools abroad struggle to find qualified teachers|\
                remittances rose for the third year in a row|\
                young people in the diaspora are increasingly starting businesses in Türkiye|\
                consulates extended their opening hours to cope with demand",
        keywords: "diaspora|europe|community",
        scenes: "Families gather at a community centre for a holiday meal|\
                 Children attend a weekend language class|\
                 Voters queue outside a consulate",
        places: "Berlin|Amsterdam|Vienna|London|Cologne",
        headlines: "Diaspora families follow {main} from abroad|\
                    From {place} to Anatolia: the diaspora and {main}",
    },
    Bank {
        subjects: "mid-east",
        topics: "the reconstruction conference|the humanitarian corridor|the regional water summit|\
                 the prisoner exchange agreement|the reopening of the border crossing",
        actors: "regional mediators|aid agencies|UN officials|local authorities",
        facts: "aid convoys have been waiting at the border for several days|\
                the United Nations said its appeal had received less than half of what was needed|\
                talks in {city} continued late into the night|\
                electricity shortages remain a daily problem in many towns|\
                thousands of families have returned to their homes since the spring",
        keywords: "middle east|humanitarian aid|diplomacy",
        scenes: "Aid trucks queue at a border crossing|\
                 Children play between damaged buildings|\
                 Relief workers unload sacks of flour from a lorry",
        places: "Beirut|Amman|Baghdad|Doha|Cairo|Erbil",
        headlines: "Aid groups watch {main} closely in {place}|\
                    Regional mediators push for progress on {main}",
    },
    Bank {
        subjects: "europe",
        topics: "the energy security plan|the migration pact|the farm subsidy reform|\
                 the new defence spending target|the cross-border high-speed rail plan",
        actors: "European ministers|farmers' unions|officials in Brussels|national governments",
        facts: "farmers drove tractors into the city centre to protest against the proposals|\
                several capitals have raised objections to the timetable|\
                energy prices have eased since last winter but remain above earlier levels|\
                the plan would connect a number of capitals by high-speed rail|\
                opinion polls show voters divided on the issue",
        keywords: "europe|european union|policy",
        scenes: "Tractors line a boulevard during a farmers' protest|\
                 Ministers arrive for a summit|Passengers board a high-speed train",
        places: "Brussels|Berlin|Paris|Rome|Madrid|Warsaw|Athens",
        headlines: "European capitals divided over {main}|Farmers and officials clash over {main}",
    },
    Bank {
        subjects: "americas",
        topics: "the regional trade agreement|the drought affecting the Panama Canal|\
                 the migration crisis at the southern border|the lithium mining boom|\
                 the Amazon protection pact",
        actors: "regional governments|trade negotiators|environmental groups|\
                 economists in the region",
        facts: "shipping companies have had to reduce the weight of cargo on some routes|\
                lithium production in the region has more than doubled in a few years|\
                migrants wait for weeks in shelters near the border|\
                the agreement would cut tariffs on hundreds of products|\
                campaigners say local communities should have a greater say",
        keywords: "americas|trade|environment",
        scenes: "Container ships wait to enter a canal|Workers inspect a salt flat used for mining|\
                 Families rest at a shelter near the border",
        places: "Washington|Brasília|Mexico City|Buenos Aires|Bogotá|Santiago|Ottawa",
        headlines: "Across the Americas, {main} reshapes the debate|\
                    {Mainh} tests regional cooperation in the Americas",
    },
    Bank {
        subjects: "asia-pacific",
        topics: "the Mekong dam project|the semiconductor supply chain|\
                 the regional free trade bloc|the typhoon recovery effort|\
                 the high-speed rail link in Southeast Asia",
        actors: "regional governments|chipmakers|relief workers|trade officials",
        facts: "the storm damaged thousands of homes along the coast|\
                chip factories in the region are running close to full capacity|\
                the bloc covers nearly a third of the world's population|\
                fishermen downstream say water levels have changed|\
                construction on the rail link is now more than halfway complete",
        keywords: "asia|trade|infrastructure",
        scenes: "Workers in protective suits inspect silicon wafers|\
                 Residents clear debris after a typhoon|A new train is tested on an elevated track",
        places: "Tokyo|Seoul|Jakarta|Manila|Bangkok|Kuala Lumpur|Hanoi",
        headlines: "{Mainh} draws attention across the Asia-Pacific|\
                    Asian economies take stock of {main}",
    },
    Bank {
        subjects: "africa",
        topics: "the continental free trade area|the solar power expansion|\
                 the new east coast port|the vaccination campaign|\
                 the grain export corridor",
        actors: "African Union officials|local entrepreneurs|health workers|development banks",
        facts: "mobile payments have transformed small businesses across the region|\
                the new port is expected to handle millions of tonnes of cargo a year|\
                health workers travelled by motorbike to reach remote villages|\
                solar mini-grids now power hundreds of rural clinics|\
                Turkish construction firms have won several contracts in the region",
        keywords: "africa|development|trade",
        scenes: "Cranes unload containers at a busy port|Technicians install solar panels on a clinic|\
                 Traders sell fruit at an open-air market",
        places: "Nairobi|Lagos|Addis Ababa|Dakar|Accra|Kigali|Johannesburg",
        headlines: "{Mainh} raises hopes across the continent|African entrepreneurs look to {main}",
    },
    Bank {
        subjects: "syrian-crisis",
        topics: "the voluntary return programme|the cross-border aid mechanism|\
                 the rebuilding of schools in northern Syria|the registration of refugees|\
                 the housing project for returning families",
        actors: "aid organisations|refugee families|local officials in the border provinces|\
                 UN agencies",
        facts: "millions of Syrians have lived in Türkiye for more than a decade|\
                aid trucks crossed the border {day} carrying food and medicine|\
                many children born in Türkiye speak Turkish as their first language|\
                winter conditions make life in the camps especially difficult|\
                a number of families have returned to rebuilt homes in the north",
        keywords: "syria|refugees|humanitarian aid",
        scenes: "Families load belongings onto a minibus|Children attend class in a rebuilt school|\
                 Aid workers distribute blankets at a camp",
        places: "Gaziantep|Şanlıurfa|Kilis|Antakya",
        headlines: "Syrian families weigh their future as {main} advances|\
                    Border towns feel the effects of {main}",
    },
    Bank {
        subjects: "islamophobia",
        topics: "the annual report on anti-Muslim incidents|the campaign against online hate speech|\
                 the trial over a mosque attack|the new hate crime legislation|\
                 the school programme on religious tolerance",
        actors: "civil society groups|human rights lawyers|community leaders|researchers",
        facts: "recorded incidents rose for the second year in a row, according to the report|\
                many victims say they do not report attacks to the police|\
                a mosque in the city was vandalised earlier this year|\
                social media platforms removed thousands of posts after complaints|\
                researchers note that women wearing headscarves are targeted most often",
        keywords: "islamophobia|human rights|europe",
        scenes: "Worshippers leave a mosque after Friday prayers|\
                 Demonstrators hold banners at a rally against racism|\
                 A volunteer repaints a vandalised wall",
        places: "Berlin|Paris|London|Vienna|Stockholm|Brussels",
        headlines: "Rights groups sound the alarm over {main}|\
                    {Mainh} puts a spotlight on anti-Muslim hatred",
    },
];
