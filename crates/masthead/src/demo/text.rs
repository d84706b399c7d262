//! Temporary stand-in while the corpus lands.
pub struct Rng(u64);
impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }
}
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    English,
    Arabic,
}
#[derive(Clone, Debug)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}
#[derive(Clone, Debug)]
pub enum Piece {
    Paragraph(Vec<Span>),
    Heading(String),
    Quote { text: String, cite: String },
    List(Vec<String>),
}
#[derive(Clone, Debug)]
pub struct Article {
    pub headline: String,
    pub standfirst: String,
    pub dateline: String,
    pub pieces: Vec<Piece>,
    pub keywords: Vec<String>,
    pub caption: String,
}
pub fn write_article(
    lang: Lang,
    subject: &str,
    _opinion: bool,
    words: usize,
    rng: &mut Rng,
) -> Article {
    let n = rng.next_u64() % 100000;
    let w = if lang == Lang::Arabic {
        "كلمة"
    } else {
        "word"
    };
    let para = |k: usize| {
        Piece::Paragraph(vec![Span {
            text: vec![w; k].join(" "),
            bold: false,
            italic: false,
        }])
    };
    Article {
        headline: format!("{subject} story {n}"),
        standfirst: "A standfirst".into(),
        dateline: "ANKARA".into(),
        pieces: (0..words / 50).map(|_| para(50)).collect(),
        keywords: vec![subject.to_string(), "istanbul".into()],
        caption: "A scene".into(),
    }
}
pub fn photo_caption(_lang: Lang, subject: &str, _rng: &mut Rng) -> String {
    format!("A photo about {subject}")
}
pub struct TopicSeed {
    pub slug: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub subjects: &'static [&'static str],
}
pub fn topics(_lang: Lang) -> &'static [TopicSeed] {
    &[TopicSeed {
        slug: "energy-transition",
        name: "Energy transition",
        description: "d",
        subjects: &["energy", "economy", "diplomacy"],
    }]
}
