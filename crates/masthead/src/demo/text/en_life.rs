//! English subject banks for business and lifestyle, plus the curated topics.
//!
//! The conventions are those of `en_news`: singular topics, group actors, facts without a
//! final stop. All events and people are invented.

use super::{Bank, TopicSeed};

/// The curated English topics.
pub(super) const TOPICS: &[TopicSeed] = &[
    TopicSeed {
        slug: "energy-transition",
        name: "Energy transition",
        description: "How Türkiye and its neighbours are changing the way they produce and use power.",
        subjects: &["energy", "environment", "economy", "automotive"],
    },
    TopicSeed {
        slug: "istanbul-life",
        name: "Istanbul life",
        description: "Transport, housing, food and culture in the country's largest city.",
        subjects: &["istanbul", "feature", "food", "events"],
    },
    TopicSeed {
        slug: "earthquake-readiness",
        name: "Earthquake readiness",
        description: "Building safety, early warning research and the lessons of past disasters.",
        subjects: &["istanbul", "science", "investigations"],
    },
    TopicSeed {
        slug: "cost-of-living",
        name: "Cost of living",
        description: "Prices, wages and rents, and what they mean for household budgets.",
        subjects: &["economy", "finance", "expat-corner"],
    },
    TopicSeed {
        slug: "migration",
        name: "Migration and refugees",
        description: "People on the move, the communities that receive them and the policies that shape their lives.",
        subjects: &["syrian-crisis", "diaspora", "europe", "expat-corner"],
    },
    TopicSeed {
        slug: "turkiye-and-the-eu",
        name: "Türkiye and the EU",
        description: "Trade, visas and the long conversation between Ankara and Brussels.",
        subjects: &["eu-affairs", "europe", "diplomacy"],
    },
    TopicSeed {
        slug: "elections-watch",
        name: "Elections watch",
        description: "Campaigns, candidates and the rules that decide how votes are counted.",
        subjects: &["elections", "legislation", "news-analysis"],
    },
    TopicSeed {
        slug: "defence-industry",
        name: "Defence industry",
        description: "Drones, ships and the companies building a growing export business.",
        subjects: &["defense", "tech", "war-on-terror"],
    },
    TopicSeed {
        slug: "heritage",
        name: "Heritage and history",
        description: "Old buildings, archives and communities keeping the past alive.",
        subjects: &["history", "minorities", "religion"],
    },
    TopicSeed {
        slug: "startups",
        name: "Tech and startups",
        description: "Founders, investors and the digital rules that shape new businesses.",
        subjects: &["tech", "finance"],
    },
    TopicSeed {
        slug: "climate-and-nature",
        name: "Climate and nature",
        description: "Drought, wetlands, forests and the people working to protect them.",
        subjects: &["environment", "science", "travel"],
    },
    TopicSeed {
        slug: "screen-and-stage",
        name: "Screen and stage",
        description: "Films, plays and performances, with reviews of the season's highlights.",
        subjects: &["cinema", "performing-arts", "reviews"],
    },
    TopicSeed {
        slug: "super-lig",
        name: "Süper Lig",
        description: "The title race, the derbies and the transfers of Turkish football.",
        subjects: &["football"],
    },
    TopicSeed {
        slug: "travel-guides",
        name: "Travel guides",
        description: "Routes, destinations and tables worth the journey.",
        subjects: &["travel", "tourism", "food"],
    },
    TopicSeed {
        slug: "middle-east-diplomacy",
        name: "Middle East diplomacy",
        description: "Talks, truces and the aid that follows them across the region.",
        subjects: &["mid-east", "diplomacy", "syrian-crisis"],
    },
];

/// One bank per business and lifestyle subject.
pub(super) const LIFE: &[Bank] = &[
    Bank {
        subjects: "automotive",
        topics: "the electric vehicle plant in Bursa|the surge in new car sales|\
                 the battery factory investment|the charging network expansion|\
                 the export deal with European carmakers",
        actors: "carmakers|industry executives|the automotive distributors' association|\
                 parts suppliers",
        facts: "car sales rose by about {pct} percent compared with the same period last year|\
                the plant is expected to produce hundreds of thousands of vehicles a year|\
                the number of public charging points has grown quickly|\
                parts suppliers in the Marmara region employ tens of thousands of people|\
                exporters shipped more vehicles to Europe than ever before",
        keywords: "automotive|electric vehicles|industry",
        scenes: "Workers assemble cars on a production line|\
                 A driver plugs an electric car into a charging point|\
                 New cars are lined up at a port before export",
        places: "Bursa|Kocaeli|Istanbul|Sakarya",
        headlines: "Carmakers bet on {main} as demand shifts|{Mainh} gives a lift to the car industry",
    },
    Bank {
        subjects: "economy",
        topics: "the medium-term economic programme|the latest inflation report|\
                 the minimum wage review|the current account balance|the tax reform package",
        actors: "economists|the central bank|the finance ministry|business groups",
        facts: "annual inflation slowed for the fourth consecutive month|\
                the unemployment rate held steady at around nine percent|\
                household spending on food rose faster than other categories|\
                the government expects growth to pick up next year|\
                exports reached a record in the last quarter",
        keywords: "economy|inflation|growth",
        scenes: "Shoppers compare prices at a market stall|\
                 Workers leave a factory at the end of a shift|\
                 Containers are stacked at a busy port",
        places: "Ankara|Istanbul",
        headlines: "Markets digest {main} as households count the cost|\
                    Economists divided over {main}",
    },
    Bank {
        subjects: "energy",
        topics: "the offshore gas field development|the new nuclear power plant|the solar auction|\
                 the natural gas pipeline deal|the electricity tariff adjustment",
        actors: "energy officials|grid operators|renewable energy developers|industry analysts",
        facts: "renewables accounted for more than half of electricity generation last year|\
                the first gas from the Black Sea field has reached households|\
                the plant's first unit is expected to start operating soon|\
                households will see a change in their bills from next month|\
                wind farms along the Aegean coast produced record output in the spring",
        keywords: "energy|renewables|natural gas",
        scenes: "Wind turbines turn on a hillside above the sea|\
                 Engineers walk past rows of solar panels|A gas platform is seen offshore",
        places: "Ankara|Istanbul|Mersin|Izmir|Konya",
        headlines: "{Mainh} marks a new chapter in energy policy|\
                    Power bills and {main}: what households need to know",
    },
    Bank {
        subjects: "finance",
        topics: "the interest rate decision|the slowdown in bank lending|the stock market rally|\
                 the new rules on consumer credit|the bond issue on international markets",
        actors: "bankers|investors|the banking regulator|fund managers",
        facts: "the benchmark index closed at a record high|\
                demand for the bond was several times the amount on offer|\
                credit card spending rose faster than inflation|\
                the lira was broadly stable against the dollar|\
                banks tightened lending conditions for small firms",
        keywords: "finance|banking|markets",
        scenes: "Traders watch screens on a trading floor|Customers queue at a bank branch|\
                 The financial district skyline is seen at dusk",
        places: "Istanbul|Ankara",
        headlines: "Investors react to {main} as markets open the week|\
                    Bankers weigh the impact of {main}",
    },
    Bank {
        subjects: "tourism",
        topics: "the summer tourism season|the cruise port expansion|\
                 the campaign to promote winter tourism|the new rule on short-term rentals|\
                 the restoration of ancient sites for visitors",
        actors: "hoteliers|tour operators|the tourism ministry|travel agencies",
        facts: "foreign visitor numbers rose by about {pct} percent in the first half of the year|\
                hotels on the Mediterranean coast reported occupancy above ninety percent|\
                cruise ships are returning to ports on the Aegean|\
                visitors from Europe remain the largest group|\
                ski resorts in the east extended their season",
        keywords: "tourism|travel|hospitality",
        scenes: "Holidaymakers relax on a crowded beach|A cruise ship docks at a harbour|\
                 Tourists photograph the old town from a hilltop",
        places: "Antalya|Bodrum|Nevşehir|Izmir|Istanbul|Trabzon",
        headlines: "Hoteliers upbeat as {main} gets under way|{Mainh} brings visitors back to {place}",
    },
    Bank {
        subjects: "tech",
        topics: "the domestic smartphone production|the new data protection rule|\
                 the startup investment fund|the 5G rollout|the artificial intelligence strategy",
        actors: "tech entrepreneurs|the digital transformation office|software developers|\
                 venture capital investors",
        facts: "the number of startups raising funds doubled in two years|\
                mobile operators are testing new networks in several cities|\
                gaming companies have become one of the country's biggest tech exports|\
                universities are opening new programmes in data science|\
                companies must now appoint a data protection officer",
        keywords: "technology|startups|digital",
        scenes: "Developers work at a shared office|Engineers test equipment on a telecoms mast|\
                 Visitors try out gadgets at a technology fair",
        places: "Istanbul|Ankara|Izmir",
        headlines: "Startups see opportunity in {main}|\
                    {Mainh} puts the tech sector in the spotlight",
    },
    Bank {
        subjects: "defense",
        topics: "the drone export programme|the new naval frigate|the domestic fighter jet project|\
                 the defence industry trade fair|the air defence system upgrade",
        actors: "defence industry executives|procurement officials|military analysts|exporters",
        facts: "defence exports reached a record last year|\
                the frigate completed its first sea trials|\
                the trade fair attracted companies from dozens of countries|\
                engineers have completed a series of ground tests|\
                several countries have expressed interest in the system",
        keywords: "defence industry|exports|technology",
        scenes: "Visitors look at a drone on display at a trade fair|\
                 A frigate sails out of a shipyard|Engineers gather around an aircraft in a hangar",
        places: "Ankara|Istanbul|Izmir",
        headlines: "Defence firms showcase progress on {main}|{Mainh} reaches a new milestone",
    },
    Bank {
        subjects: "transportation",
        topics: "the high-speed rail line to the east|the new airport terminal|\
                 the northern ring road upgrade|the freight corridor to Central Asia|\
                 the urban bus fleet renewal",
        actors: "transport officials|airline executives|logistics companies|commuters",
        facts: "the journey time between the two cities is expected to halve|\
                passenger traffic at the country's airports hit a new record|\
                freight trains now run regularly to several Central Asian capitals|\
                hundreds of electric buses have entered service|\
                construction crews are working around the clock to finish the tunnel",
        keywords: "transport|rail|aviation",
        scenes: "A high-speed train crosses a viaduct|Passengers queue at a check-in desk|\
                 Electric buses are parked at a depot",
        places: "Ankara|Istanbul|Sivas|Erzurum|Kars",
        headlines: "{Mainh} promises shorter journeys for travellers|\
                    Commuters and freight firms eye {main}",
    },
    Bank {
        subjects: "health",
        topics: "the new family doctor system|the campaign against childhood obesity|\
                 the hospital waiting time reform|the seasonal flu vaccination drive|\
                 the mental health awareness programme",
        actors: "health officials|doctors|nurses' associations|patient groups",
        facts: "pharmacies reported strong demand for vaccines this autumn|\
                doctors recommend at least thirty minutes of activity a day|\
                the waiting time for some specialist appointments has fallen|\
                schools will host free health screenings|\
                more people are seeking help for anxiety than a decade ago",
        keywords: "health|medicine|wellbeing",
        scenes: "A nurse prepares a vaccine at a clinic|Runners jog through a city park|\
                 Patients wait in a hospital corridor",
        places: "",
        headlines: "Doctors welcome {main} but call for more staff|\
                    What {main} means for patients in {place}",
    },
    Bank {
        subjects: "environment",
        topics: "the plan to protect the wetlands|the plastic bag charge|the reforestation campaign|\
                 the air quality monitoring network|the drought management plan",
        actors: "environmental groups|the environment ministry|farmers|climate scientists",
        facts: "volunteers planted thousands of saplings in a single day|\
                reservoir levels around the city are lower than normal for the season|\
                the use of plastic bags has fallen sharply since the charge was introduced|\
                migratory birds return to the wetlands every spring|\
                scientists warn that summers are becoming longer and hotter",
        keywords: "environment|climate|nature",
        scenes: "Flamingos wade in a shallow lagoon|Volunteers plant saplings on a hillside|\
                 A dried-up reservoir bed is seen from above",
        places: "Izmir|Konya|Bursa|Muğla|Ankara",
        headlines: "Volunteers and scientists join forces on {main}|\
                    {Mainh} tested by a long dry summer",
    },
    Bank {
        subjects: "travel",
        topics: "the Lycian Way hiking route|\
                 the revived sleeper train to Kars|\
                 the boutique hotel scene in Aegean villages|\
                 the cycling trail around Lake Eğirdir|the winter trip to Lake Van",
        actors: "travellers|local guides|guesthouse owners|hiking clubs",
        facts: "the train journey takes more than a day and crosses the Anatolian plateau|\
                walkers can cover the route in about a month|\
                small guesthouses have opened in villages that were almost empty|\
                the best time to visit is late spring or early autumn|\
                local guides offer walks through the old town",
        keywords: "travel|destinations|outdoors",
        scenes: "Hikers follow a path above a turquoise bay|\
                 A train crosses a snowy plain at sunrise|Cyclists ride along a lakeside road",
        places: "Kars|Fethiye|Van|Ayvalık|Safranbolu",
        headlines: "Slow travel: discovering {main}|A weekend guide to {main}",
    },
    Bank {
        subjects: "food",
        topics: "the revival of heritage wheat varieties|the street food festival|\
                 the olive harvest|the new wave of neighbourhood restaurants|\
                 the baklava tradition of Gaziantep",
        actors: "chefs|farmers|food historians|restaurant owners",
        facts: "the harvest was smaller than usual because of a dry summer|\
                chefs are returning to recipes their grandmothers used|\
                the festival featured stalls from more than thirty provinces|\
                small producers sell directly to customers through online shops|\
                the dish takes hours to prepare and is traditionally shared",
        keywords: "food|cuisine|gastronomy",
        scenes: "A baker pulls fresh bread from a wood-fired oven|\
                 Workers harvest olives in a hillside grove|Diners share plates at a long table",
        places: "Gaziantep|Antakya|Izmir|Istanbul|Ayvalık",
        headlines: "At the table: {main} and the cooks behind it|\
                    {Mainh} brings old flavours back to {place}",
    },
    Bank {
        subjects: "fashion",
        topics: "the fashion week in Istanbul|the revival of handwoven textiles|\
                 the sustainable clothing movement|the new generation of designers|\
                 the leather industry's export drive",
        actors: "designers|textile producers|retailers|fashion students",
        facts: "designers showed collections inspired by Anatolian patterns|\
                second-hand clothing shops have become popular among young people|\
                textile exports remain one of the country's largest sources of revenue|\
                weavers in the region still use looms passed down for generations|\
                brands are under pressure to show where their cotton comes from",
        keywords: "fashion|design|textiles",
        scenes: "Models walk the runway at a fashion show|A weaver works at a wooden loom|\
                 Shoppers browse racks at a vintage clothing market",
        places: "Istanbul|Denizli|Bursa|Izmir",
        headlines: "Designers look to the past in {main}|From loom to runway: {main}",
    },
    Bank {
        subjects: "science",
        topics: "the national space programme|the excavation at Göbekli Tepe|\
                 the earthquake early-warning research|the Antarctic research expedition|\
                 the new particle accelerator project",
        actors: "scientists|researchers|engineers|the national research council",
        facts: "the team collected samples from the seabed over several weeks|\
                the excavation has revealed carved pillars thousands of years old|\
                sensors installed along the fault line send data every second|\
                the research vessel returned after a two-month voyage|\
                young researchers make up most of the project team",
        keywords: "science|research|discovery",
        scenes: "Researchers examine samples in a laboratory|\
                 Archaeologists brush soil from a carved stone|\
                 A research vessel sails past an iceberg",
        places: "Ankara|Istanbul|Şanlıurfa|Izmir",
        headlines: "Scientists share early results from {main}|\
                    {Mainh} opens a new window on the past and the future",
    },
    Bank {
        subjects: "religion",
        topics: "the restoration of an Ottoman-era mosque|the interfaith dialogue meeting|\
                 the Ramadan charity campaign|the pilgrimage season|the religious heritage tour",
        actors: "religious leaders|the religious affairs directorate|volunteers|\
                 charity organisations",
        facts: "volunteers served thousands of iftar meals every evening|\
                the mosque's tiles were cleaned and repaired by hand|\
                leaders of several faiths met in {city} to discuss shared concerns|\
                pilgrims begin their journey after months of preparation|\
                the old church and the mosque stand only a few metres apart",
        keywords: "religion|faith|heritage",
        scenes: "Worshippers gather in a mosque courtyard|\
                 Volunteers serve meals at long tables at sunset|\
                 A restorer repairs tiles inside a dome",
        places: "Istanbul|Konya|Bursa|Mardin|Edirne",
        headlines: "Faith and community come together in {main}|\
                    Volunteers and worshippers mark {main}",
    },
    Bank {
        subjects: "history",
        topics: "the newly catalogued Ottoman archive|the discovery of a Byzantine shipwreck|\
                 the story of the Hejaz railway|the exhibition on Silk Road caravanserais|\
                 the centenary exhibition on the early republic",
        actors: "historians|archaeologists|archivists|museum curators",
        facts: "the archive contains millions of documents written in Ottoman Turkish|\
                divers found amphorae still sealed after centuries underwater|\
                the railway once carried pilgrims across the desert|\
                caravanserais were built at intervals of about a day's travel|\
                the exhibition brings together objects from several museums",
        keywords: "history|archaeology|heritage",
        scenes: "Visitors study old maps in a museum hall|\
                 Conservators clean a clay jar recovered from a wreck|\
                 An archivist turns the pages of a bound ledger",
        places: "Istanbul|Ankara|Bursa|Konya|Edirne",
        headlines: "Historians revisit {main}|Lost and found: the story behind {main}",
    },
    Bank {
        subjects: "feature",
        topics: "the revival of the old copper bazaar|the village school rebuilt by its residents|\
                 the night bakery that feeds a neighbourhood|the grandmothers' cooking cooperative|\
                 the veteran ferry captain's final season",
        actors: "locals|craftsmen|neighbours|residents",
        facts: "the workshop has been in the same family for four generations|\
                the bakery produces thousands of loaves before dawn|\
                the village has only a few dozen permanent residents|\
                the cooperative now sells its products across the country|\
                many young people have left for the cities, but some are coming back",
        keywords: "feature|people|community",
        scenes: "A craftsman hammers a copper pot in his workshop|\
                 Bakers shape dough in the early hours|Women roll out dough together in a village kitchen",
        places: "",
        headlines: "Meet the people behind {main}|Small lives, big stories: {main}",
    },
];
