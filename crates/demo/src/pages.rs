//! The demo's static pages and job listings, in both languages.

use store::EmploymentType;

/// A static page: slug, title, paragraphs. A page without paragraphs is only a footer
/// link to a page the app serves itself (`contact`: the contact form).
pub type PageSeed = (&'static str, &'static str, &'static [&'static str]);

/// English static pages.
pub const ENGLISH_PAGES: &[PageSeed] = &[
    (
        "about-us",
        "About us",
        &[
            "The Meridian Herald is an independent daily published in English and Arabic from Istanbul. Our reporters and editors cover Türkiye, its region and the world, seven days a week.",
            "We separate news from opinion, label every column and op-ed as such, and correct our mistakes openly. Our newsroom follows a written code of ethics that every journalist signs.",
            "This site is a demonstration of Masthead, the publishing platform the newsroom uses. Every story, person and photo on it is invented.",
            "Address: Meridian Media Group, Büyükdere Avenue 100, Şişli, Istanbul.",
        ],
    ),
    (
        "jobs",
        "Jobs",
        &[
            "We are a newsroom of reporters, editors, photographers, developers and designers who care about getting it right. We hire for curiosity, accuracy and kindness.",
            "Send a short letter and three pieces of work that you are proud of. We answer every application within three weeks.",
        ],
    ),
    (
        "privacy",
        "Privacy policy",
        &[
            "We collect as little about you as we can. Reading this site sets no tracking cookies and loads no third-party advertising.",
            "If you sign up for a newsletter we keep your email address and the date you agreed, only to send you what you asked for. You can unsubscribe with one click from any issue, and we then delete your address.",
            "Our server logs keep IP addresses for fourteen days to protect the site against abuse, and then discard them.",
        ],
    ),
    (
        "terms-of-use",
        "Terms of use",
        &[
            "You may read, share links to and quote our stories with attribution. Republishing whole articles needs written permission.",
            "Comments and letters you send us may be edited for length and clarity before publication.",
        ],
    ),
    ("contact", "Contact us", &[]),
    (
        "rss",
        "RSS feeds",
        &[
            "Follow the Herald in any feed reader: there is a feed of the latest stories, one for every section and subsection, and one for every topic.",
            "Feeds carry the headline, standfirst, time and link of every story as it is published.",
        ],
    ),
];

/// Arabic static pages.
pub const ARABIC_PAGES: &[PageSeed] = &[
    (
        "about-us",
        "من نحن",
        &[
            "ميريديان هيرالد صحيفة يومية مستقلة تصدر بالعربية والإنجليزية من إسطنبول، وتغطي أخبار تركيا والمنطقة والعالم طوال أيام الأسبوع.",
            "نفصل بين الخبر والرأي، ونميّز كل مقال رأي بوضوح، ونصحح أخطاءنا علناً. هذا الموقع عرض توضيحي لمنصة ماستهيد، وكل ما فيه من أخبار وأشخاص وصور متخيَّل.",
            "العنوان: مجموعة ميريديان الإعلامية، جادة بويوك دره 100، شيشلي، إسطنبول.",
        ],
    ),
    (
        "jobs",
        "وظائف",
        &[
            "نبحث عن صحفيين ومحررين ومصورين يهتمون بالدقة قبل السرعة. أرسل رسالة قصيرة وثلاثة نماذج من أعمالك.",
        ],
    ),
    (
        "privacy",
        "سياسة الخصوصية",
        &[
            "نجمع أقل قدر ممكن من البيانات. قراءة الموقع لا تضع ملفات تتبع ولا تحمّل إعلانات من أطراف أخرى.",
            "إذا اشتركت في النشرة البريدية نحتفظ بعنوان بريدك فقط لإرسال ما طلبته، ويمكنك إلغاء الاشتراك بنقرة واحدة.",
        ],
    ),
    (
        "terms-of-use",
        "شروط الاستخدام",
        &[
            "يمكنك قراءة أخبارنا ومشاركة روابطها والاقتباس منها مع ذكر المصدر. إعادة نشر المقالات كاملة تتطلب إذناً مكتوباً.",
        ],
    ),
    ("contact", "اتصل بنا", &[]),
    (
        "rss",
        "خلاصات RSS",
        &["تابع الصحيفة في أي قارئ خلاصات: هناك خلاصة لآخر الأخبار، وخلاصة لكل قسم ولكل موضوع."],
    ),
];

/// A demo job listing: title, location, kind of employment, description, and the days
/// from now until applications close (negative: closed already, so its page says so).
pub type JobSeed = (
    &'static str,
    &'static str,
    EmploymentType,
    &'static str,
    i64,
);

/// English job listings.
pub const ENGLISH_JOBS: &[JobSeed] = &[
    (
        "Night editor",
        "Istanbul",
        EmploymentType::FullTime,
        "Run the web desk from 6 pm to 2 am: edit copy, write headlines and decide what leads the home page.",
        30,
    ),
    (
        "Economics reporter",
        "Ankara",
        EmploymentType::FullTime,
        "Cover the central bank, the treasury and the numbers that shape household budgets.",
        21,
    ),
    (
        "Data journalist",
        "Istanbul or remote",
        EmploymentType::Contract,
        "Find stories in public data and build charts that explain them on a phone screen.",
        45,
    ),
    (
        "Photographer",
        "Istanbul",
        EmploymentType::PartTime,
        "Shoot news, portraits and features for print and web, and edit galleries.",
        -2,
    ),
];

/// Arabic job listings.
pub const ARABIC_JOBS: &[JobSeed] = &[
    (
        "محرر أخبار",
        "إسطنبول",
        EmploymentType::FullTime,
        "تحرير الأخبار العاجلة وكتابة العناوين ومتابعة الصفحة الرئيسية للنسخة العربية.",
        28,
    ),
    (
        "مترجم صحفي",
        "إسطنبول أو عن بعد",
        EmploymentType::Contract,
        "ترجمة التقارير من الإنجليزية والتركية إلى العربية بدقة وسلاسة.",
        14,
    ),
];
