//! The demo's editions, section trees, menus and people.

/// A section of the demo tree: slug, name, subsections (slug, name).
pub type SectionSeed = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// The English edition's tree, as on the reference page.
pub const ENGLISH_TREE: &[SectionSeed] = &[
    (
        "politics",
        "Politics",
        &[
            ("diplomacy", "Diplomacy"),
            ("legislation", "Legislation"),
            ("war-on-terror", "War On Terror"),
            ("eu-affairs", "EU Affairs"),
            ("elections", "Elections"),
            ("news-analysis", "News Analysis"),
        ],
    ),
    (
        "turkiye",
        "Türkiye",
        &[
            ("istanbul", "Istanbul"),
            ("education", "Education"),
            ("investigations", "Investigations"),
            ("minorities", "Minorities"),
            ("expat-corner", "Expat Corner"),
            ("diaspora", "Diaspora"),
        ],
    ),
    (
        "world",
        "World",
        &[
            ("mid-east", "Mid-East"),
            ("europe", "Europe"),
            ("americas", "Americas"),
            ("asia-pacific", "Asia Pacific"),
            ("africa", "Africa"),
            ("syrian-crisis", "Syrian Crisis"),
            ("islamophobia", "Islamophobia"),
        ],
    ),
    (
        "business",
        "Business",
        &[
            ("automotive", "Automotive"),
            ("economy", "Economy"),
            ("energy", "Energy"),
            ("finance", "Finance"),
            ("tourism", "Tourism"),
            ("tech", "Tech"),
            ("defense", "Defense"),
            ("transportation", "Transportation"),
        ],
    ),
    (
        "lifestyle",
        "Lifestyle",
        &[
            ("health", "Health"),
            ("environment", "Environment"),
            ("travel", "Travel"),
            ("food", "Food"),
            ("fashion", "Fashion"),
            ("science", "Science"),
            ("religion", "Religion"),
            ("history", "History"),
            ("feature", "Feature"),
        ],
    ),
    (
        "arts",
        "Arts",
        &[
            ("cinema", "Cinema"),
            ("music", "Music"),
            ("events", "Events"),
            ("portrait", "Portrait"),
            ("reviews", "Reviews"),
            ("performing-arts", "Performing Arts"),
        ],
    ),
    (
        "sports",
        "Sports",
        &[
            ("football", "Football"),
            ("basketball", "Basketball"),
            ("motorsports", "Motorsports"),
            ("tennis", "Tennis"),
        ],
    ),
    ("gallery", "Gallery", &[]),
    (
        "opinion",
        "Opinion",
        &[
            ("columns", "Columns"),
            ("op-ed", "Op-Ed"),
            ("readers-corner", "Reader's Corner"),
            ("editorial", "Editorial"),
        ],
    ),
    ("tv", "TV", &[]),
];

/// Subsections the English menus also list under a second parent:
/// (shown under, section path of the original).
pub const ENGLISH_CROSS_LISTINGS: &[(&str, [&str; 2])] = &[
    ("business", ["politics", "news-analysis"]),
    ("lifestyle", ["turkiye", "expat-corner"]),
];

/// The Arabic edition's tree; slugs stay Latin so URLs are easy to share.
pub const ARABIC_TREE: &[SectionSeed] = &[
    (
        "politics",
        "سياسة",
        &[("diplomacy", "دبلوماسية"), ("elections", "انتخابات")],
    ),
    ("turkiye", "تركيا", &[]),
    (
        "world",
        "العالم",
        &[("mid-east", "الشرق الأوسط"), ("europe", "أوروبا")],
    ),
    ("economy", "اقتصاد", &[]),
    ("culture", "ثقافة وفنون", &[]),
    ("sports", "رياضة", &[]),
    ("opinion", "رأي", &[]),
    ("gallery", "معرض الصور", &[]),
    ("tv", "فيديو", &[]),
];

/// Staff: (name, title, bio, columnist).
pub const STAFF: &[(&str, &str, &str, bool)] = &[
    (
        "Selin Aydemir",
        "Diplomatic correspondent",
        "Selin covers foreign policy from Ankara and has reported from summits on four continents.",
        false,
    ),
    (
        "Daniel Okafor",
        "Europe editor",
        "Daniel follows the European Union's institutions and the politics of its member states.",
        false,
    ),
    (
        "Mert Kaya",
        "Istanbul reporter",
        "Mert reports on the city: its neighbourhoods, its transport and the people who run it.",
        false,
    ),
    (
        "Leyla Haddad",
        "Middle East correspondent",
        "Leyla has reported on the region for a decade from Beirut, Amman and Istanbul.",
        false,
    ),
    (
        "Tom Reilly",
        "Business reporter",
        "Tom writes about markets, energy and the companies that move them.",
        false,
    ),
    (
        "Ayşe Demirtaş",
        "Science and health writer",
        "Ayşe explains research in medicine, climate and technology for general readers.",
        false,
    ),
    (
        "Kerem Yıldız",
        "Sports writer",
        "Kerem covers football and basketball, at home and in Europe.",
        false,
    ),
    (
        "Hannah Berg",
        "Arts and culture editor",
        "Hannah reviews film, music and theatre and profiles the people who make them.",
        false,
    ),
    (
        "Nadia Rahman",
        "Photo editor",
        "Nadia commissions and edits the paper's photography.",
        false,
    ),
    (
        "Prof. Emre Tunalı",
        "Columnist",
        "Emre teaches international relations and writes a weekly column on foreign policy.",
        true,
    ),
    (
        "Clara Whitfield",
        "Columnist",
        "Clara is an economist who writes on trade, inflation and the cost of living.",
        true,
    ),
    (
        "Yusuf Arslan",
        "Columnist",
        "Yusuf writes on society, religion and the changing city.",
        true,
    ),
    (
        "Marta Jensen",
        "Columnist",
        "Marta, a former diplomat, writes on Europe and its neighbours.",
        true,
    ),
];

/// Staff of the Arabic desk, in the same shape as [`STAFF`].
pub const ARABIC_STAFF: &[(&str, &str, &str, bool)] = &[
    (
        "عمر فاروق",
        "محرر النسخة العربية",
        "يشرف عمر على النسخة العربية ويكتب عن السياسة الإقليمية.",
        false,
    ),
    (
        "ليلى حداد",
        "مراسلة الشرق الأوسط",
        "تغطي ليلى شؤون المنطقة منذ عقد من بيروت وعمّان وإسطنبول.",
        false,
    ),
    (
        "سامر الخطيب",
        "مراسل اقتصادي",
        "يكتب سامر عن الأسواق والطاقة والشركات في تركيا والخليج.",
        false,
    ),
    (
        "هدى الشامي",
        "محررة الثقافة",
        "تكتب هدى عن السينما والموسيقى والكتب والمسرح.",
        false,
    ),
    (
        "د. نبيل عيسى",
        "كاتب عمود",
        "أستاذ العلاقات الدولية، يكتب عموداً أسبوعياً عن السياسة الخارجية.",
        true,
    ),
    (
        "ريم منصور",
        "كاتبة عمود",
        "خبيرة اقتصادية تكتب عن التجارة وغلاء المعيشة.",
        true,
    ),
];

/// Wire agencies.
pub const AGENCIES: &[&str] = &["Reuters", "AFP", "AA"];
