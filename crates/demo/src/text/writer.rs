//! The template expander that writes one article: slots, sentences, paragraphs and the
//! body's shape (headings, quotes, lists and closing lines within the word budget).

use std::collections::{HashMap, HashSet};

use super::{
    Bank, Edition, Piece, Rng, Span, capitalize, has, headline_form, pick_alt, push_unique,
    word_count,
};

struct Person {
    name: String,
    role: String,
    female: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Plain,
    Bold,
    Italic,
}

/// A body block under construction: paragraphs stay open until the end.
enum Block {
    Para(Vec<(String, Style)>),
    Done(Piece),
}

/// Expands templates for one article, remembering what it has already said.
pub(super) struct Writer<'r> {
    ed: &'static Edition,
    bank: &'static Bank,
    rng: &'r mut Rng,
    style: &'static str,
    register: &'static str,
    main: &'static str,
    second: &'static str,
    pub(super) place: &'static str,
    person: Option<Person>,
    bags: HashMap<String, Vec<&'static str>>,
    used: HashSet<String>,
}

impl<'r> Writer<'r> {
    pub(super) fn new(
        ed: &'static Edition,
        bank: &'static Bank,
        style: &'static str,
        rng: &'r mut Rng,
    ) -> Self {
        let main = pick_alt(rng, &bank.topics);
        let mut second = pick_alt(rng, &bank.topics);
        for _ in 0..4 {
            if second != main {
                break;
            }
            second = pick_alt(rng, &bank.topics);
        }
        let place = pick_alt(rng, Self::place_list(ed, bank));
        let register = ed
            .registers
            .iter()
            .find(|(_, subjects)| bank.subjects.iter().any(|s| has(subjects, s)))
            .map_or("", |(name, _)| name.as_str());
        Writer {
            ed,
            bank,
            rng,
            style,
            register,
            main,
            second,
            place,
            person: None,
            bags: HashMap::new(),
            used: HashSet::new(),
        }
    }

    /// The article's main topic.
    pub(super) fn subject(&self) -> &'static str {
        self.main
    }

    fn place_list(ed: &'static Edition, bank: &'static Bank) -> &'static [String] {
        if bank.places.is_empty() {
            ed.lookup("cities").unwrap_or_default()
        } else {
            &bank.places
        }
    }

    /// The lexicon entry `name`, in the bank's register if it has its own.
    fn lex(&self, name: &str) -> Option<&'static [String]> {
        if !self.register.is_empty()
            && let Some(own) = self.ed.lookup(&format!("{}:{name}", self.register))
        {
            return Some(own);
        }
        self.ed.lookup(name)
    }

    /// The lexicon entry for `base` in the writer's style, falling back to plain news.
    fn kind(&self, base: &str) -> String {
        let mut names = vec![format!("{}{base}", self.style)];
        if self.style == "ed_" {
            names.push(format!("op_{base}"));
        }
        names.push(base.to_string());
        names
            .into_iter()
            .find(|n| self.lex(n).is_some())
            .unwrap_or_else(|| base.to_string())
    }

    fn lex_pick(&mut self, name: &str) -> &'static str {
        let alts = self.lex(name).unwrap_or_default();
        self.fresh(name, alts)
    }

    /// A sentence naming the bank's recurring figure (empty if the bank has none); the
    /// figure is the person that gendered words agree with until someone else is named.
    fn figure_line(&mut self) -> String {
        let Some(figure) = &self.bank.figure else {
            return String::new();
        };
        self.person = Some(Person {
            name: figure.name.clone(),
            role: figure.role.clone(),
            female: figure.female,
        });
        self.sentence("figure_line")
    }

    fn new_person(&mut self) {
        let female = self.rng.chance(50);
        let first = self.lex_pick(if female { "first_f" } else { "first_m" });
        let last = self.lex_pick("surnames");
        let role = self.lex_pick("roles").to_string();
        let role = match role.split_once('/') {
            Some((m, f)) => if female { f } else { m }.to_string(),
            None => role,
        };
        self.person = Some(Person {
            name: format!("{first} {last}"),
            role,
            female,
        });
    }

    fn expand(&mut self, template: &str, depth: u8) -> String {
        if template.contains("{name}") {
            self.new_person();
        }
        let mut out = String::new();
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let after = &rest[start + 1..];
            let Some(end) = after.find('}') else {
                out.push_str(&rest[start..]);
                return out;
            };
            let value = self.slot(&after[..end], depth);
            out.push_str(&value);
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        out
    }

    /// One of `alts` not yet used under `key`, starting over once all have been used.
    fn fresh(&mut self, key: &str, alts: &'static [String]) -> &'static str {
        let all: Vec<&'static str> = alts.iter().map(String::as_str).collect();
        let used = self.bags.entry(key.to_string()).or_default();
        if all.iter().all(|a| used.contains(a)) {
            used.clear();
        }
        let free: Vec<&'static str> = all.into_iter().filter(|a| !used.contains(a)).collect();
        if free.is_empty() {
            return "";
        }
        let choice = *self.rng.pick(&free);
        used.push(choice);
        choice
    }

    /// A fact from the bank not told yet, or a general one once the bank runs dry.
    fn fact(&mut self) -> &'static str {
        let used = self.bags.get("fact").map_or(0, Vec::len);
        if used >= self.bank.facts.len() {
            let general = self.lex("genfact").unwrap_or_default();
            return self.fresh("genfact", general);
        }
        self.fresh("fact", &self.bank.facts)
    }

    fn city(&mut self) -> &'static str {
        let list = Self::place_list(self.ed, self.bank);
        let mut city = pick_alt(self.rng, list);
        for _ in 0..3 {
            if city != self.place {
                break;
            }
            city = pick_alt(self.rng, list);
        }
        city
    }

    /// The text for one `{slot}`; a capitalised name capitalises the result.
    pub(super) fn slot(&mut self, key: &str, depth: u8) -> String {
        if let Some(choices) = key.strip_prefix("g:") {
            let female = self.person.as_ref().is_some_and(|p| p.female);
            let (m, f) = choices.split_once('/').unwrap_or((choices, choices));
            return if female { f } else { m }.to_string();
        }
        if key.starts_with(|c: char| c.is_ascii_uppercase()) {
            return capitalize(&self.slot(&key.to_ascii_lowercase(), depth));
        }
        let raw: String = match key {
            "main" => self.main.to_string(),
            "mainh" => headline_form(self.main),
            "place" => self.place.to_string(),
            "city" => self.city().to_string(),
            "topic" if self.rng.chance(50) => self.main.to_string(),
            "topic" => self.second.to_string(),
            "actor" => self.fresh("actor", &self.bank.actors).to_string(),
            "actorh" => headline_form(self.fresh("actor", &self.bank.actors)),
            "fact" => self.fact().to_string(),
            "scene" => self.fresh("scene", &self.bank.scenes).to_string(),
            "pct" => (3 + self.rng.below(38)).to_string(),
            "figure" => self
                .bank
                .figure
                .as_ref()
                .map_or("", |f| &f.name)
                .to_string(),
            "figurerole" => self
                .bank
                .figure
                .as_ref()
                .map_or("", |f| &f.role)
                .to_string(),
            "name" | "role" => {
                if self.person.is_none() {
                    self.new_person();
                }
                match &self.person {
                    Some(p) if key == "name" => p.name.clone(),
                    Some(p) => p.role.clone(),
                    None => String::new(),
                }
            }
            _ => match self.lex(key) {
                Some(alts) => self.fresh(key, alts).to_string(),
                None => format!("[{key}]"),
            },
        };
        if raw.contains('{') && depth < 8 {
            self.expand(&raw, depth + 1)
        } else {
            raw
        }
    }

    /// A sentence of the given kind that the article has not used yet (if one can be found).
    fn sentence(&mut self, base: &str) -> String {
        let kind = self.kind(base);
        self.sentence_of(kind)
    }

    /// A sentence from the lexicon entry `kind` that the article has not used yet.
    fn sentence_of(&mut self, kind: String) -> String {
        let mut text = String::new();
        for _ in 0..12 {
            text = self.slot(&kind, 0);
            if self.used.insert(text.clone()) {
                break;
            }
        }
        text
    }

    /// A line of the given kind whose word count lies in `min..=max` (best effort).
    pub(super) fn bounded(&mut self, base: &str, min: usize, max: usize) -> String {
        let kind = self.kind(base);
        let mut text = String::new();
        for _ in 0..40 {
            text = self.slot(&kind, 0);
            if (min..=max).contains(&word_count(&text)) {
                break;
            }
        }
        text
    }

    pub(super) fn headline(&mut self) -> String {
        let own = self.style.is_empty() && !self.bank.headlines.is_empty();
        let mut text = String::new();
        for _ in 0..40 {
            text = if own && self.rng.chance(20) {
                let template = self.fresh("own_headline", &self.bank.headlines);
                self.expand(template, 0)
            } else {
                let kind = self.kind("headline");
                self.slot(&kind, 0)
            };
            if (6..=14).contains(&word_count(&text)) {
                break;
            }
        }
        capitalize(&text)
    }

    fn paragraph(&mut self, count: &mut usize, target: usize, first: bool) -> Vec<(String, Style)> {
        let n = 2 + self.rng.below(4);
        let mut sentences = Vec::new();
        for i in 0..n {
            let lede = first && i == 0;
            // Opinion pieces also report, in the plain news voice, now and then.
            let plain = !lede && !self.style.is_empty() && self.rng.chance(30);
            // The subject's recurring figure speaks in every article, early on.
            let figure = first && i == 1 && self.bank.figure.is_some();
            let text = if figure {
                self.figure_line()
            } else if plain {
                self.sentence_of("body".to_string())
            } else {
                self.sentence(if lede { "lede" } else { "body" })
            };
            *count += word_count(&text);
            let bold = self.rng.chance(if lede { 12 } else { 4 });
            sentences.push((text, if bold { Style::Bold } else { Style::Plain }));
            if sentences.len() >= 2 && target.saturating_sub(*count) <= FINAL {
                break;
            }
        }
        sentences
    }

    pub(super) fn body(&mut self, target: usize) -> Vec<Piece> {
        let mut blocks: Vec<Block> = Vec::new();
        let mut count = 0;
        let note = (target >= 250 && self.rng.chance(35)).then(|| self.sentence("note"));
        count += note.as_deref().map_or(0, word_count);
        let long = target >= 600;
        let mut want_quote = target >= 250 && self.rng.chance(60);
        let quote_at = 1 + self.rng.below(3);
        let mut want_list = target >= 350 && self.rng.chance(40);
        let list_at = quote_at + 1 + self.rng.below(3);
        let (mut paras, mut since_heading) = (0, 0);
        while target.saturating_sub(count) > FINAL {
            let remaining = target - count;
            if long && since_heading >= 3 && remaining > 150 && self.rng.chance(45) {
                let heading = self.sentence("heading");
                count += word_count(&heading);
                blocks.push(Block::Done(Piece::Heading(heading)));
                since_heading = 0;
            }
            if want_quote && paras == quote_at && remaining > 90 {
                let text = format!("{}.", capitalize(&self.sentence("quote")));
                let cite = self.slot("cite", 0);
                count += word_count(&text) + word_count(&cite);
                blocks.push(Block::Done(Piece::Quote { text, cite }));
                want_quote = false;
            }
            let mut para = self.paragraph(&mut count, target, paras == 0);
            if want_list && paras >= list_at && target.saturating_sub(count) > 110 {
                let intro = self.sentence("list_intro");
                count += word_count(&intro);
                para.push((intro, Style::Plain));
                let items = self.list_items();
                count += items.iter().map(|i| word_count(i)).sum::<usize>();
                blocks.push(Block::Para(para));
                blocks.push(Block::Done(Piece::List(items)));
                want_list = false;
            } else {
                blocks.push(Block::Para(para));
            }
            paras += 1;
            since_heading += 1;
        }
        self.finish(&mut blocks, &mut count, target);
        let mut pieces: Vec<Piece> = blocks
            .into_iter()
            .map(|b| match b {
                Block::Para(sentences) => Piece::Paragraph(spans(&sentences)),
                Block::Done(piece) => piece,
            })
            .collect();
        if let Some(note) = note {
            pieces.push(Piece::Paragraph(spans(&[(note, Style::Italic)])));
        }
        pieces
    }

    /// Ends the body with a closing sentence, in a new paragraph if there is room for one.
    fn finish(&mut self, blocks: &mut Vec<Block>, count: &mut usize, target: usize) {
        let close = self.sentence("close");
        *count += word_count(&close);
        if let Some(Block::Para(last)) = blocks.last_mut()
            && target.saturating_sub(*count) < 12
            && last.len() < 5
        {
            last.push((close, Style::Plain));
            return;
        }
        let mut para = Vec::new();
        while para.is_empty() || target.saturating_sub(*count) > 24 {
            let text = self.sentence("body");
            *count += word_count(&text);
            para.push((text, Style::Plain));
            if para.len() >= 4 {
                break;
            }
        }
        para.push((close, Style::Plain));
        blocks.push(Block::Para(para));
    }

    fn list_items(&mut self) -> Vec<String> {
        let n = 3 + self.rng.below(3);
        let kind = self.kind("item");
        let mut items: Vec<String> = Vec::new();
        for _ in 0..n * 3 {
            let item = capitalize(&self.slot(&kind, 0));
            push_unique(&mut items, item);
            if items.len() == n {
                break;
            }
        }
        items
    }
}

/// Below this many words to go, the body moves on to its closing paragraph.
const FINAL: usize = 40;

/// Turns sentences into spans, merging neighbouring plain runs and spacing sentences.
fn spans(sentences: &[(String, Style)]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (i, (text, style)) in sentences.iter().enumerate() {
        let sep = if i == 0 { "" } else { " " };
        match out.last_mut() {
            Some(last) if !last.bold && !last.italic => last.text.push_str(sep),
            _ if !sep.is_empty() => out.push(span(sep.to_string(), Style::Plain)),
            _ => {}
        }
        match out.last_mut() {
            Some(last) if *style == Style::Plain && !last.bold && !last.italic => {
                last.text.push_str(text);
            }
            _ => out.push(span(text.clone(), *style)),
        }
    }
    out
}

fn span(text: String, style: Style) -> Span {
    Span {
        text,
        bold: style == Style::Bold,
        italic: style == Style::Italic,
    }
}
