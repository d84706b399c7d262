//! The words of the search box in every page's header and of the search page, in each
//! edition's language; templates read them as `t.search.<name>` (see `i18n`).

use serde::Serialize;

use crate::domain::search_form::Ignored;

/// The search page's words.
#[derive(Debug, Serialize)]
pub struct SearchStrings {
    /// The page's heading and title, and the header box's button.
    pub title: &'static str,
    /// Label of the header's search landmark and of its box (visually hidden).
    pub site_search: &'static str,
    /// Label of the page's search box.
    pub label: &'static str,
    /// The page's submit button.
    pub submit: &'static str,
    /// Legend of the filters.
    pub filters: &'static str,
    /// Label of the section list.
    pub section: &'static str,
    /// The section list's first choice.
    pub any_section: &'static str,
    /// Label of the kind list.
    pub kind: &'static str,
    /// The kind list's first choice.
    pub any_kind: &'static str,
    /// The news kind (the others are the interface's kind labels).
    pub news: &'static str,
    /// Label of the first day.
    pub from: &'static str,
    /// Label of the last day.
    pub to: &'static str,
    /// Label of the order list.
    pub sort: &'static str,
    /// Best match first.
    pub relevance: &'static str,
    /// Newest first.
    pub newest: &'static str,
    /// Label of the author filter's box, before the name.
    pub author: &'static str,
    /// Before the query as it was understood.
    pub searched_for: &'static str,
    /// Nothing found.
    pub no_results: &'static str,
    /// Before a suggested spelling.
    pub did_you_mean: &'static str,
    /// After it.
    pub question_mark: &'static str,
    /// Link to the same search without its filters.
    pub remove_filters: &'static str,
    /// The page before anything was typed.
    pub hint: &'static str,
    /// What was typed has no letters or digits to search for.
    pub nothing_to_search: &'static str,
    /// The index is being built.
    pub incomplete: &'static str,
    /// A page past the last page of results.
    pub past_last_page: &'static str,
    /// Link from a page past the last to the first.
    pub first_page: &'static str,
    /// Label of the pages' navigation, and "Page 2" past the first.
    pub page: &'static str,
    /// Link to the page before.
    pub previous: &'static str,
    /// Link to the page after.
    pub next: &'static str,
    /// An unknown section was left out.
    pub ignored_section: &'static str,
    /// An unknown kind was left out.
    pub ignored_kind: &'static str,
    /// An unknown author was left out.
    pub ignored_author: &'static str,
    /// A date not written YYYY-MM-DD was left out.
    pub ignored_date: &'static str,
    /// The dates came the wrong way round.
    pub swapped_dates: &'static str,
    /// An unknown order was left out.
    pub ignored_sort: &'static str,
    /// A page that cannot be shown was left out.
    pub ignored_page: &'static str,
}

impl SearchStrings {
    /// The line that says a value of the address was left out.
    pub fn ignored(&self, what: Ignored) -> &'static str {
        match what {
            Ignored::Section => self.ignored_section,
            Ignored::Kind => self.ignored_kind,
            Ignored::Author => self.ignored_author,
            Ignored::Date => self.ignored_date,
            Ignored::Swapped => self.swapped_dates,
            Ignored::Sort => self.ignored_sort,
            Ignored::Page => self.ignored_page,
        }
    }
}

/// English.
pub const SEARCH_ENGLISH: SearchStrings = SearchStrings {
    title: "Search",
    site_search: "Search the site",
    label: "Search for",
    submit: "Search",
    filters: "Narrow your search",
    section: "Section",
    any_section: "All sections",
    kind: "Type",
    any_kind: "All types",
    news: "News",
    from: "From",
    to: "To",
    sort: "Order",
    relevance: "Best match",
    newest: "Newest first",
    author: "Only stories by",
    searched_for: "You searched for",
    no_results: "No stories match your search.",
    did_you_mean: "Did you mean",
    question_mark: "?",
    remove_filters: "Search all stories, without the filters",
    hint: "Type a word or two to search our stories. Put a phrase in quotation marks to find it word for word, and a minus sign before a word to leave out the stories that have it.",
    nothing_to_search: "There is nothing to search for in what you typed: use letters or numbers.",
    incomplete: "We are still building our search index, so some stories may be missing from these results for a few minutes.",
    past_last_page: "There are no more results past this point.",
    first_page: "Back to the first page of results",
    page: "Page",
    previous: "Previous page",
    next: "Next page",
    ignored_section: "We do not have that section, so every section was searched.",
    ignored_kind: "We do not have that type of story, so every type was searched.",
    ignored_author: "We do not know that author, so every author's stories were searched.",
    ignored_date: "A date was not understood (write it like 2024-03-31), so it was left out.",
    swapped_dates: "The dates were the wrong way round, so we swapped them.",
    ignored_sort: "We do not know that order, so the best matches come first.",
    ignored_page: "There is no such page of results, so here is the first.",
};

/// Arabic.
pub const SEARCH_ARABIC: SearchStrings = SearchStrings {
    title: "بحث",
    site_search: "ابحث في الموقع",
    label: "ابحث عن",
    submit: "ابحث",
    filters: "تضييق نطاق البحث",
    section: "القسم",
    any_section: "كل الأقسام",
    kind: "النوع",
    any_kind: "كل الأنواع",
    news: "خبر",
    from: "من تاريخ",
    to: "إلى تاريخ",
    sort: "الترتيب",
    relevance: "الأكثر صلة",
    newest: "الأحدث أولًا",
    author: "أخبار الكاتب فقط:",
    searched_for: "بحثت عن",
    no_results: "لا توجد أخبار تطابق بحثك.",
    did_you_mean: "هل تقصد",
    question_mark: "؟",
    remove_filters: "ابحث في كل الأخبار من دون عوامل التصفية",
    hint: "اكتب كلمة أو كلمتين للبحث في أخبارنا. ضع العبارة بين علامتي تنصيص للعثور عليها كما هي، وضع علامة الطرح قبل الكلمة لاستبعاد الأخبار التي تحتوي عليها.",
    nothing_to_search: "لا يوجد في ما كتبته شيء يمكن البحث عنه: استخدم الحروف أو الأرقام.",
    incomplete: "ما زلنا نبني فهرس البحث، لذا قد تغيب بعض الأخبار عن هذه النتائج لبضع دقائق.",
    past_last_page: "لا توجد نتائج أخرى بعد هذه الصفحة.",
    first_page: "العودة إلى الصفحة الأولى من النتائج",
    page: "صفحة",
    previous: "الصفحة السابقة",
    next: "الصفحة التالية",
    ignored_section: "هذا القسم غير موجود لدينا، لذا شمل البحث كل الأقسام.",
    ignored_kind: "هذا النوع من الأخبار غير موجود لدينا، لذا شمل البحث كل الأنواع.",
    ignored_author: "لا نعرف هذا الكاتب، لذا شمل البحث أخبار كل الكتّاب.",
    ignored_date: "لم نفهم أحد التاريخين (اكتبه هكذا: 2024-03-31)، لذا تجاهلناه.",
    swapped_dates: "كان التاريخان معكوسين، فبدّلنا بينهما.",
    ignored_sort: "لا نعرف هذا الترتيب، لذا تظهر النتائج الأكثر صلة أولًا.",
    ignored_page: "لا توجد صفحة نتائج بهذا الرقم، وهذه هي الصفحة الأولى.",
};

/// How many stories matched, in `language` ("en" or "ar"): "1 result", "23 results",
/// "More than 1,000 results" when the count stopped at `limit`.
pub fn result_count(language: &str, total: u64, limit: u64) -> String {
    let arabic = language.split('-').next() == Some("ar");
    match (arabic, total) {
        (false, _) if total > limit => format!("More than {} results", grouped(limit)),
        (false, 1) => "1 result".to_string(),
        (false, _) => format!("{} results", grouped(total)),
        (true, _) if total > limit => format!("أكثر من {limit} نتيجة"),
        (true, 0) => "لا توجد نتائج".to_string(),
        (true, 1) => "نتيجة واحدة".to_string(),
        (true, 2) => "نتيجتان".to_string(),
        // Arabic counts: 3 to 10 take the plural, 11 to 99 (and so on in each hundred)
        // the singular; the hundreds themselves the singular too.
        (true, _) if (3..=10).contains(&(total % 100)) => format!("{total} نتائج"),
        (true, _) => format!("{total} نتيجة"),
    }
}

/// A count with thousands separated by commas ("1,000").
fn grouped(count: u64) -> String {
    let digits = count.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally_in_english_and_arabic() {
        let cases = [
            ("en", 0, "0 results"),
            ("en", 1, "1 result"),
            ("en", 23, "23 results"),
            ("en", 1000, "1,000 results"),
            ("en", 1001, "More than 1,000 results"),
            ("ar", 1, "نتيجة واحدة"),
            ("ar", 2, "نتيجتان"),
            ("ar", 3, "3 نتائج"),
            ("ar", 10, "10 نتائج"),
            ("ar", 11, "11 نتيجة"),
            ("ar", 100, "100 نتيجة"),
            ("ar", 105, "105 نتائج"),
            ("ar", 1001, "أكثر من 1000 نتيجة"),
        ];

        for (language, total, expected) in cases {
            assert_eq!(result_count(language, total, 1000), expected);
        }
    }
}
