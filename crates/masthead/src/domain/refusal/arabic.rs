//! The Arabic words of each [`Refusal`], in the Modern Standard Arabic of the newsroom's
//! other pages; parameters (slugs, names, numbers) go in as typed.

use store::{Role, StoryStatus};

use crate::domain::i18n_newsroom_desks::DESKS_ARABIC;
use crate::domain::i18n_newsroom_shared::{ROLES_ARABIC, STATES_ARABIC};
use crate::domain::news_desk::DeskProblem;
use crate::domain::refusal::{BulkVerb, Expected, Named, Refusal};
use crate::domain::time::wall_time;

/// The refusal in Arabic.
pub(crate) fn arabic(refusal: &Refusal) -> String {
    use Refusal::*;
    let text: &str = match refusal {
        All(refusals) => return refusals.iter().map(arabic).collect::<Vec<_>>().join(" "),

        NothingHere => "لا يوجد شيء هنا.",
        RoleForbids => "لا يسمح دورك بهذا.",
        FormExpired => "انتهت صلاحية هذا النموذج. ارجع وأعد تحميل الصفحة ثم أرسله من جديد.",
        ChangedMeanwhile => "غيّر أحدهم هذا في أثناء ذلك. أعد تحميل الصفحة وحاول مجددًا.",
        TooManyRequests => "طلبات كثيرة جدًا. انتظر قليلًا ثم حاول مجددًا.",
        DatabaseDown => "قاعدة البيانات لا تستجيب. لم يتغير شيء؛ حاول مجددًا بعد قليل.",
        TooBusy => "يقوم كثيرون بهذا في الوقت نفسه. حاول مجددًا بعد لحظات.",
        OurFault => "حدث خطأ من جهتنا. لم يتغير شيء.",

        PasswordTooShort { min } => return format!("استخدم {min} أحرف على الأقل."),
        PasswordTooLong { max } => return format!("استخدم {max} بايت على الأكثر."),
        PasswordUnchanged => "اختر كلمة مرور مختلفة عن الحالية.",
        NotAnEmail { typed } => return format!("«{typed}» ليس عنوان بريد إلكتروني."),
        AccountNameLength => "يجب أن يتكون الاسم من حرف واحد إلى 200 حرف.",
        EmailTaken { email } => return format!("للعنوان {email} حساب بالفعل."),
        PickRole => "اختر دورًا.",
        PickLanguage => "اختر الإنجليزية أو العربية.",
        NotYourself => "لا يمكنك تغيير دورك أو تعطيل حسابك بنفسك.",
        UnknownRole => "دور غير معروف.",
        BadLogin => "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
        Locked { minutes } => {
            return format!("محاولات فاشلة كثيرة. حاول مجددًا بعد {minutes} دقيقة.");
        }

        GiveA { what } => return format!("أدخل {}.", noun(*what)),
        AtMostChars { what, max } => {
            return format!("الحد الأقصى لطول {} {max} حرف.", noun(*what));
        }
        GivenByNumber { what } => return format!("أدخل رقم {}.", noun(*what)),
        NoImageFor { id, what } => {
            return format!(
                "لا توجد صورة رقمها {id} في مكتبة الوسائط لاستخدامها في خانة {}.",
                noun(*what)
            );
        }
        LinkTooLong { max } => return format!("الحد الأقصى لطول الرابط {max} حرف."),
        LinkSpaces => "لا يحتوي الرابط على مسافات أو محارف تحكم.",
        LinkShape => "أدخل مسارًا في هذا الموقع (/world) أو عنوان ويب (https://…).",
        WebAddress => "أدخل عنوان ويب (https://…).",
        TooManyLinks { max } => return format!("للكاتب {max} روابط على الأكثر."),
        DeskEmail => "أدخل عنوان البريد الإلكتروني للمكتب (name@example.org).",
        DeskPosition => "الترتيب عدد صحيح من 0 إلى 1000.",
        JobKind => "اختر نوع التوظيف من القائمة.",
        JobApplyUrl { max } => {
            return format!(
                "أدخل عنوان التقديم عنوانَ ويب (https://…) لا يتجاوز {max} حرف، بلا مسافات."
            );
        }
        JobApplyEmail => {
            "أدخل البريد الإلكتروني للتقديم بالصيغة name@example.org: عنوان واحد، بلا مسافات أو \
             أسماء."
        }
        JobHowToApply => "بيّن طريقة التقديم: عنوان ويب أو بريد إلكتروني أو كلاهما.",
        JobClosingDate { typed } => {
            return format!("أدخل تاريخ الإغلاق بالصيغة YYYY-MM-DD (لا «{typed}»).");
        }

        SlugNeedsLetters => "يحتاج المعرّف في الرابط إلى حروف أو أرقام.",
        PickParentSection => "اختر قسمًا أعلى من هذه الطبعة.",
        SectionUnderItself => "لا يمكن نقل قسم إلى داخله أو إلى أحد أقسامه الفرعية.",
        SectionTooDeep { max } => {
            return format!("لا تتداخل الأقسام بأكثر من {max} مستويات.");
        }
        SectionSlugReserved { slug } => {
            return format!(
                "المعرّف «{slug}» يستخدمه الموقع نفسه (/{slug}/…): اختر معرّفًا آخر لقسم رئيسي."
            );
        }
        SectionSlugExists { slug, path } => {
            return format!("المعرّف «{slug}» مستخدم: يوجد {path} في هذا الموضع.");
        }
        SectionSlugTaken { slug } => {
            return format!("المعرّف «{slug}» يستخدمه قسم آخر في هذا الموضع.");
        }
        PageHoldsSlug { headline, slug } => {
            return format!("الصفحة «{headline}» موجودة في /{slug}: اختر معرّفًا آخر.");
        }
        PickSectionOfEdition => "اختر قسمًا من هذه الطبعة.",
        MenuNestOneLevel => "تتداخل العناصر مستوى واحدًا فقط.",
        MenuHasEntries => "لهذا العنصر عناصر فرعية: تتداخل العناصر مستوى واحدًا فقط.",
        MenuFirstEntry => "ليس فوق العنصر الأول ما يمكن وضعه تحته.",
        MenuAtTop => "هذا العنصر في المستوى الأعلى بالفعل.",
        UnknownMove => "نقل غير معروف.",
        TopicSlugTaken { slug } => return format!("لموضوع آخر المعرّف «{slug}» بالفعل."),
        KeywordUnknown { typed } => {
            return format!("لا توجد كلمة مفتاحية «{typed}» في هذه الطبعة.");
        }
        KeywordsSame => "اختر كلمتين مفتاحيتين مختلفتين لدمجهما.",
        AuthorSlugTaken { slug } => {
            return format!("لكاتب آخر المعرّف «{slug}» حاليًا أو سابقًا.");
        }
        PickEdition => "اختر طبعة من القائمة.",
        PickAccount => "اختر حسابًا من القائمة.",
        PickMergeTarget => "اختر الكاتب الذي يُدمج فيه.",
        PickOtherMergeTarget => "اختر كاتبًا آخر لدمجه فيه.",
        PickAuthor => "اختر كاتبًا من القائمة.",
        AgencyNameTaken { name } => return format!("توجد وكالة أخرى باسم «{name}»."),
        JobClosed => "انقضى تاريخ الإغلاق: حدد تاريخًا لاحقًا أو اتركه فارغًا.",
        Desk(DeskProblem::NameRequired) => DESKS_ARABIC.name_required,
        Desk(DeskProblem::NameTooLong) => DESKS_ARABIC.name_too_long,
        Desk(DeskProblem::BadChoice) => DESKS_ARABIC.bad_choice,
        DeskNameTaken => DESKS_ARABIC.name_taken,

        PickPlace { places } => return format!("اختر موضعًا من 1 إلى {places}."),
        GiveStoryNumber => "أدخل رقم القصة (معرّفها، كما في ‎/admin/stories/12).",
        PinUnpublished { id } => {
            return format!("القصة {id} غير منشورة: لا تُثبَّت إلا القصص المنشورة.");
        }
        PinOtherEdition { id } => return format!("القصة {id} تابعة لطبعة أخرى."),
        PinStaticPage => "لا يمكن تثبيت الصفحات الثابتة.",
        NothingPinned => "لا شيء مثبت هنا.",
        BreakingNeedsEnd => "حدد تاريخ ووقت توقف ظهور الشريط.",
        BreakingEndPast => "يجب أن تكون نهاية الشريط في المستقبل.",
        NoBarShowing => "لا يظهر شريط أخبار عاجلة: اضبطه أولًا ثم أرسله بالبريد.",

        WriteHeadline => "اكتب عنوانًا.",
        KeepUnder { max } => return format!("اجعل هذا أقل من {max} حرف."),
        NotAnId { typed } => return format!("«{typed}» ليس رقم معرّف."),
        PickAtMost { max } => return format!("اختر {max} على الأكثر."),
        KeywordTooLong => "اجعل كل كلمة مفتاحية أقل من 80 حرفًا.",
        TooManyKeywords { max } => return format!("استخدم {max} كلمة مفتاحية على الأكثر."),
        GalleryLine { line } => return format!("السطر «{line}» لا يبدأ برقم صورة."),
        GalleryTooBig => "يتسع المعرض لمئتي صورة على الأكثر.",
        StaticNoSection => "لا قسم للصفحة الثابتة.",
        SlugReserved { slug } => return format!("المعرّف «{slug}» يستخدمه الموقع نفسه."),
        PickSection => "اختر قسمًا.",
        PickSectionsOfEdition => "اختر أقسامًا من هذه الطبعة.",
        VideoAddress => "أدخل عنوان الفيديو على الويب (https://…).",
        BodyTooLong => "النص أطول من 4 ميغابايت؛ قسّمه.",
        TooManyBylines { max } => {
            return format!("لا تحمل القصة أكثر من {max} توقيعًا.");
        }
        PickBylines => "اختر التوقيعات من القوائم.",
        NoImageWithId => "لا توجد صورة بهذا المعرّف.",
        NoImage { id } => return format!("لا توجد صورة رقمها {id}."),
        BodyImageMissing { id } => {
            return format!("يعرض النص الصورة {id}، وهي غير موجودة.");
        }
        PickTopicsOfEdition => "اختر مواضيع من هذه الطبعة.",
        NoStory { id } => return format!("لا توجد قصة رقمها {id}."),
        StorySlugTaken => "لقصة أخرى في هذا القسم المعرّف نفسه.",
        TimeInPast => "اختر وقتًا في المستقبل.",
        DateTimeUnreadable => "أدخل التاريخ والوقت بالصيغة YYYY-MM-DD HH:MM.",
        DateOutOfRange => "هذا التاريخ خارج النطاق المسموح.",
        TimeSkipped {
            wall,
            zone,
            before,
            after,
        } => {
            return format!(
                "الوقت {} غير موجود في {}: تنتقل الساعة حينها من {before} إلى {after}. اختر \
                 وقتًا خارج فترة التغيير.",
                wall_time(*wall, "ar"),
                zone.as_deref().unwrap_or("المنطقة الزمنية للطبعة")
            );
        }
        TimeRepeated {
            wall,
            zone,
            before,
            after,
        } => {
            return format!(
                "الوقت {} يتكرر مرتين في {} (مرة عند {before} ومرة عند {after}) عند إرجاع \
                 الساعة. اختر وقتًا خارج فترة التغيير.",
                wall_time(*wall, "ar"),
                zone.as_deref().unwrap_or("المنطقة الزمنية للطبعة")
            );
        }
        NoStoryWithId => "لا توجد قصة بهذا المعرّف.",
        TranslationSameEdition => "يجب أن تكون الترجمة قصة من طبعة أخرى.",
        TranslationGoesElsewhere => "تذهب الترجمة إلى طبعة أخرى.",
        PickStoryToLink => "اختر قصة لربطها.",

        CheckOneStory => "حدد قصة واحدة على الأقل.",
        CheckAtMost { max } => return format!("حدد {max} قصة على الأكثر في كل مرة."),
        NoSuchStoryVisible => "لا توجد قصة كهذه بين القصص التي يمكنك رؤيتها.",
        AlreadyPublished => "إنها منشورة بالفعل.",
        NotPublished => "إنها غير منشورة.",
        ChangedOpenIt => "غيّرها أحدهم في أثناء ذلك: افتحها وحاول مجددًا.",
        SectionOtherEdition => "هذا القسم تابع لطبعة أخرى.",
        AlreadyInSection => "إنها في هذا القسم بالفعل.",
        RoleMayNot {
            role,
            action,
            state,
        } => {
            let verb = match action {
                BulkVerb::Publish => "نشر",
                BulkVerb::Unpublish => "إلغاء نشر",
                BulkVerb::Move => "نقل",
            };
            return format!(
                "لا يحق لـ{} {verb} هذه القصة (حالتها: {}).",
                role_name(*role),
                state_name(*state)
            );
        }
        ChooseMoveSection => "اختر القسم الذي تُنقل إليه.",
        ChooseBulkAction => "اختر ما تريد فعله: النشر أو إلغاء النشر أو النقل إلى قسم.",
        CheckedNotListed => "إحدى القصص المحددة ليست من هذه القائمة.",

        FocalNumber => "أدخل رقمًا من 0 إلى 1.",
        ImageEmpty => "الملف فارغ.",
        ImageTooLarge { size, limit } => {
            return format!("حجم الملف {size}؛ والحد المسموح {limit}.");
        }
        NotAnImage => "هذا الملف ليس صورة بصيغة JPEG أو PNG أو WebP أو GIF.",
        ImageDimensions {
            width,
            height,
            max_width,
            max_height,
        } => {
            return format!(
                "أبعاد الصورة {width} × {height} بكسل؛ والحد المسموح {max_width} × {max_height} \
                 بكسل."
            );
        }
        ImagePixels {
            width,
            height,
            megapixels,
            limit,
        } => {
            return format!(
                "أبعاد الصورة {width} × {height} بكسل ({megapixels} ميغابكسل)؛ والحد المسموح \
                 {limit} ميغابكسل."
            );
        }
        ImageCorrupt { format } => {
            return format!("ملف {format} هذا تالف أو ناقص ولا يمكن قراءته.");
        }
        ImageAspect { width, height } => {
            return format!("نسبة الأبعاد {width}:{height} غير صالحة.");
        }
        FileOverLimit { limit } => return format!("الملف أكبر من الحد المسموح وهو {limit}."),
        UploadInterrupted => "انقطع الرفع أو وصل مشوّهًا. اختر الملف وأرسله من جديد.",
        UploadsBusy => "تُرفع صور كثيرة الآن. أرسل صورتك مجددًا بعد ثوانٍ.",
        NoSuchImage => "لا توجد صورة كهذه.",

        FilterTwice { key } => return format!("أُعطي المرشح «{key}» مرتين."),
        FilterBackwards { from, to } => {
            return format!("التواريخ معكوسة: {from} بعد {to}.");
        }
        FilterValue { value, expected } => {
            let expected = match expected {
                Expected::Known => "قيمة تعرفها هذه القائمة",
                Expected::State => "حالة",
                Expected::Section => "قسمًا",
                Expected::Author => "كاتبًا",
                Expected::Desk => "مكتبًا",
                Expected::Date => "تاريخًا (YYYY-MM-DD)",
                Expected::Page => "رقم صفحة",
            };
            return format!("«{value}» ليست {expected}.");
        }
        NewsletterName => "الاسم مطلوب (120 حرفًا على الأكثر).",
        NewsletterSender => "اسم المرسل مطلوب (120 حرفًا على الأكثر).",
        NewsletterDescription => "لا يتجاوز الوصف 500 حرف.",
        NewsletterSchedule => "اختر يوميًا أو أسبوعيًا أو عاجلًا.",
        NewsletterTime => "يُكتب الوقت بالصيغة HH:MM، مثل 07:00.",
        NewsletterNameTaken => "في الطبعة قائمة بهذا الاسم بالفعل: اختر اسمًا آخر.",
        NewsletterTestAddress => "اكتب العنوان الذي تُرسل إليه الرسالة التجريبية.",
        EraseConfirm => "اكتب عنوان المشترك مرة أخرى لحذفه.",
        BounceShape => "أرسل {\"email\": …, \"kind\": \"bounce\" أو \"complaint\"}.",

        FormUnreadable { problem } => return format!("تعذرت قراءة النموذج: {problem}."),
        LoginFormTooLarge => "نموذج الدخول أكبر من 8 كيلوبايت.",
        FormOver8Mb => "النموذج أكبر من 8 ميغابايت.",
        FormTooLarge => "النموذج كبير جدًا.",
        SearchTooLong => "البحث طويل جدًا: اكتب 200 حرف على الأكثر.",
        IdsWholeNumbers => "معرّفات القصص أعداد صحيحة.",
        AtMostTen => "اطلب عشر قصص على الأكثر.",
    };
    text.to_string()
}

/// A role's Arabic name.
fn role_name(role: Role) -> &'static str {
    match role {
        Role::Admin => ROLES_ARABIC.admin,
        Role::Editor => ROLES_ARABIC.editor,
        Role::Reporter => ROLES_ARABIC.reporter,
        Role::Contributor => ROLES_ARABIC.contributor,
    }
}

/// A story state's Arabic name.
fn state_name(state: StoryStatus) -> &'static str {
    match state {
        StoryStatus::Draft => STATES_ARABIC.draft,
        StoryStatus::InReview => STATES_ARABIC.in_review,
        StoryStatus::Scheduled => STATES_ARABIC.scheduled,
        StoryStatus::Published => STATES_ARABIC.published,
        StoryStatus::Unpublished => STATES_ARABIC.unpublished,
    }
}

/// The Arabic name of a field or thing, with its article, as a refusal's sentence takes it.
fn noun(what: Named) -> &'static str {
    match what {
        Named::Name => "الاسم",
        Named::Description => "الوصف",
        Named::Slug => "المعرّف",
        Named::Keyword => "الكلمة المفتاحية",
        Named::Text => "النص",
        Named::Link => "الرابط",
        Named::ShortName => "الاسم المختصر",
        Named::RoleLine => "سطر الصفة",
        Named::Bio => "النبذة",
        Named::DeskName => "اسم المكتب",
        Named::Title => "المسمى الوظيفي",
        Named::PlaceOfWork => "مكان العمل",
        Named::Label => "التسمية",
        Named::Logo => "الشعار",
        Named::Photo => "الصورة",
        Named::Edition => "الطبعة",
        Named::Account => "الحساب",
        Named::Author => "الكاتب",
    }
}
