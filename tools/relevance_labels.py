#!/usr/bin/env python3
"""Labels the search relevance set: writes crates/masthead/tests/relevance/queries.toml.

Each query below comes with its judgement as a rule over the demo's stories (what a story
is about: the main subject its headline names, the desk it was written by, its credits,
the desk's recurring figure, its dateline), so that the set can be labelled again the
same way when the demo's generator changes. Run it on a freshly made full demo, read
what it prints, and check the lists before committing them:

    masthead demo --data /tmp/demo --addr 127.0.0.1:0   # stop it once it serves
    tools/relevance_labels.py /tmp/demo/masthead.db

Standard library only (sqlite3 reads the demo's ordinary tables, tomllib its phrase
banks). Python 3.11 or later.
"""

import json
import sqlite3
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "crates/demo/data"
OUT = ROOT / "crates/masthead/tests/relevance/queries.toml"

HEADER = """# The labelled queries search relevance is measured on (issue 13, "Relevance, measured"):
# what readers type, and the stories that should come first, over the full demo newsroom
# (demo::DemoSize::FULL, both editions), whose text is the same on every run.
#
# How it was labelled: each query names a subject, a person or a place, and its relevant
# stories were judged by what they are about, not by what the engine returns:
# - a subject: the stories whose headline and standfirst are about it (every demo story has
#   one main subject, named in its headline; a subject that a story only mentions in its
#   body, as a side issue, does not make it relevant);
# - a writer: the stories credited to them (byline, reporting or photos);
# - a person quoted: the stories they speak in (each subject desk of the demo has one
#   recurring figure, quoted in every story on its subjects; a passer-by who happens to
#   share a name is not them);
# - a place: the stories datelined there or set there by their headline, not those that
#   name it in passing;
# - with `-word`: the same judgement, less the stories that say the excluded word (the
#   reader asked for none).
# The lists were drawn from the demo's database by tools/relevance_labels.py, which holds
# each query's judgement as a rule over a story's headline subject, desk, credits and
# dateline, then read through by hand. When the demo's generator changes, the slugs
# change: run it again on the new demo, and read its lists again.
#
# Each [[query]]: `text` as a reader types it (quotes and `-` included); `edition`, "en"
# or "ar", whose reader search it runs in; `groups` it also counts in, beside its
# edition's language; `why`, the judgement in words; `relevant`, the slugs of the stories
# that should come first as `section/slug` (its primary section's slug), in no order (every
# one counts the same)."""


def banks(files):
    """The subject banks of an edition's data files, the general one included."""
    found = []
    for name in files:
        data = tomllib.loads((DATA / f"{name}.toml").read_text())
        if "general" in data:
            found.append(data["general"])
        found += data.get("banks", [])
    return found


BANKS = {
    "en": banks(["en", "en_news", "en_life", "en_arts"]),
    "ar": banks(["ar", "ar_banks"]),
}


def headline_form(topic):
    for article in ("the ", "a ", "an "):
        if topic.startswith(article):
            return topic[len(article):]
    return topic


def main_subject(edition, headline):
    """The bank and topic a story is about: the longest bank topic its headline names."""
    best = None
    for bank in BANKS[edition]:
        for topic in bank["topics"]:
            if headline_form(topic).lower() in headline.lower():
                if best is None or len(topic) > len(best[1]):
                    best = (bank, topic)
    if best is None:
        sys.exit(f"no subject in the headline {headline!r}")
    return best


def text_of(blocks):
    out = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("text", "cite"):
                    out.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(blocks)
    return "\n".join(out)


def stories(path):
    db = sqlite3.connect(path)
    rows = db.execute(
        """SELECT s.id, e.code, COALESCE(sec.slug, ''), s.slug, s.headline,
                  COALESCE(s.standfirst, ''), COALESCE(s.dateline, ''), b.body
           FROM stories s JOIN editions e ON e.id = s.edition_id
           LEFT JOIN sections sec ON sec.id = s.section_id
           LEFT JOIN story_bodies b ON b.story_id = s.id
           WHERE s.status = 'published' AND s.kind <> 'page' ORDER BY s.id"""
    ).fetchall()
    found = []
    for id, edition, section, slug, headline, standfirst, dateline, body in rows:
        people = [
            name
            for (name,) in db.execute(
                """SELECT COALESCE(a.name, g.name) FROM story_credits c
                   LEFT JOIN authors a ON a.id = c.author_id
                   LEFT JOIN agencies g ON g.id = c.agency_id
                   WHERE c.story_id = ? ORDER BY c.position""",
                (id,),
            )
        ]
        labels = [
            name
            for (name,) in db.execute(
                """SELECT t.name FROM story_topics st JOIN topics t ON t.id = st.topic_id
                   WHERE st.story_id = ?
                   UNION ALL SELECT k.name FROM story_keywords sk
                   JOIN keywords k ON k.id = sk.keyword_id WHERE sk.story_id = ?""",
                (id, id),
            )
        ]
        bank, main = main_subject(edition, headline)
        every_word = "\n".join(
            [headline, standfirst, dateline, *labels, *people, text_of(json.loads(body or "[]"))]
        )
        found.append(
            {
                "edition": edition,
                "key": f"{section}/{slug}",
                "headline": headline,
                "dateline": dateline,
                "people": people,
                "bank": bank,
                "main": main,
                "figure": bank.get("figure", {}).get("name"),
                "text": every_word.lower(),
            }
        )
    return found


# The judgements.
def topic(*topics):
    return lambda s: s["main"] in topics


def main_says(word):
    return lambda s: word in s["main"]


def credited(name):
    return lambda s: name in s["people"]


def figure(name):
    return lambda s: s["figure"] == name


def place(dateline, name):
    return lambda s: s["dateline"] == dateline or name in s["headline"]


def desk(subject):
    return lambda s: subject in s["bank"].get("subjects", [])


def without(judgement, *words):
    return lambda s: judgement(s) and not any(w.lower() in s["text"] for w in words)


B = "broad words"
T = "topics"
N = "names"
D = "Turkish/diacritics"
A = "Arabic letter forms"
P = "phrases"
PL = "plural/singular"
X = "exclusions"

QUERIES = [
# --- English topics: what the story is about, in the reader's words
("maritime borders", "en", [T], "the stories about the planned summit on maritime borders", topic("the planned summit on maritime borders")),
("earthquake proofing", "en", [T], "the earthquake-proofing programme for Istanbul's old buildings", topic("the earthquake-proofing programme for old buildings")),
("online fraud", "en", [T], "the probe into an online fraud network", topic("the probe into an online fraud network")),
("interfaith dialogue", "en", [T], "the interfaith dialogue meeting", topic("the interfaith dialogue meeting")),
("water-sharing framework", "en", [T], "the regional water-sharing framework", topic("the regional water-sharing framework")),
("election threshold", "en", [T], "the proposed change to the election threshold", topic("the proposed change to the election threshold")),
("gas field", "en", [T], "the offshore gas field development", topic("the offshore gas field development")),
("pension funds missing", "en", [T], "the case of the missing pension funds", topic("the case of the missing pension funds")),
("ferry timetable", "en", [T], "the ferry timetable overhaul", topic("the ferry timetable overhaul")),
("smartphone production", "en", [T], "the domestic smartphone production", topic("the domestic smartphone production")),
("childhood obesity", "en", [T], "the campaign against childhood obesity", topic("the campaign against childhood obesity")),
("hejaz railway", "en", [T], "the story of the Hejaz railway", topic("the story of the Hejaz railway")),
("copper bazaar", "en", [T], "the revival of the old copper bazaar", topic("the revival of the old copper bazaar")),
("typhoon recovery", "en", [T], "the typhoon recovery effort", topic("the typhoon recovery effort")),
("fighter jet", "en", [T], "the domestic fighter jet project", topic("the domestic fighter jet project")),
("youth academy", "en", [T], "the club's youth academy and the karting academy are academies for the young; the query means the club's", topic("the club's youth academy")),
("night bakery", "en", [T], "the night bakery that feeds a neighbourhood", topic("the night bakery that feeds a neighbourhood")),
("interest rate decision", "en", [T], "the interest rate decision", topic("the interest rate decision")),
# --- names: bylines and the people the stories quote, typed with or without their letters
("ayse demirtas", "en", [N, D], "stories credited to Ayşe Demirtaş", credited("Ayşe Demirtaş")),
("Kerem Yildiz", "en", [N, D], "stories credited to Kerem Yıldız", credited("Kerem Yıldız")),
("emre tunali", "en", [N, D], "Prof. Emre Tunalı's columns", credited("Prof. Emre Tunalı")),
("Selin Aydemir", "en", [N], "stories credited to Selin Aydemir", credited("Selin Aydemir")),
("leyla haddad", "en", [N], "stories credited to Leyla Haddad (passers-by of that name quoted elsewhere are not her)", credited("Leyla Haddad")),
("gulsen karaagac", "en", [N, D], "the stories quoting the deputy foreign minister Gülşen Karaağaç", figure("Gülşen Karaağaç")),
("Karaağaç", "en", [N], "the stories quoting Gülşen Karaağaç, by her surname as written", figure("Gülşen Karaağaç")),
("nilufer caglayan", "en", [N, D], "the stories quoting the EU negotiator Nilüfer Çağlayan", figure("Nilüfer Çağlayan")),
("baris guleryuz", "en", [N, D], "the stories quoting Istanbul's deputy mayor Barış Güleryüz", figure("Barış Güleryüz")),
("ILKNUR SEZGIN", "en", [N, D], "the stories quoting the economist İlknur Sezgin", figure("İlknur Sezgin")),
("soren hjelmgaard", "en", [N, D], "the stories quoting Søren Hjelmgaard", figure("Søren Hjelmgaard")),
("nguyen thi lan", "en", [N, D], "the stories quoting Nguyễn Thị Lan", figure("Nguyễn Thị Lan")),
("lucia ramirez", "en", [N, D], "the stories quoting Lucía Ramírez", figure("Lucía Ramírez")),
("Uğur Karahan", "en", [N], "the stories quoting the football coach Uğur Karahan", figure("Uğur Karahan")),
("sebnem aktas", "en", [N, D], "the stories quoting the basketball captain Şebnem Aktaş", figure("Şebnem Aktaş")),
("aram kesisyan", "en", [N, D], "the stories quoting Aram Keşişyan", figure("Aram Keşişyan")),
("Çağla Özyurt", "en", [N], "the stories quoting the tennis player Çağla Özyurt", figure("Çağla Özyurt")),
("tugba eroglu", "en", [N, D], "the stories quoting the ecologist Tuğba Eroğlu", figure("Tuğba Eroğlu")),
# --- Turkish places and words, with and without their letters
("eskisehir", "en", [D], "stories datelined in Eskişehir or set there by their headline", place("ESKIŞEHIR", "Eskişehir")),
("Eskişehir", "en", [D], "the same, typed with its letters", place("ESKIŞEHIR", "Eskişehir")),
("sanliurfa", "en", [D], "stories datelined in Şanlıurfa or set there by their headline", place("ŞANLIURFA", "Şanlıurfa")),
("kutahya", "en", [D], "stories datelined in Kütahya or set there by their headline", place("KÜTAHYA", "Kütahya")),
("diyarbakir", "en", [D], "stories datelined in Diyarbakır or set there by their headline", place("DIYARBAKIR", "Diyarbakır")),
("yesilcam", "en", [D], "the restoration of classic Yeşilçam films", topic("the restoration of classic Yeşilçam films")),
("gobekli tepe", "en", [D], "the excavation at Göbekli Tepe", topic("the excavation at Göbekli Tepe")),
("egirdir cycling", "en", [D], "the cycling trail around Lake Eğirdir", topic("the cycling trail around Lake Eğirdir")),
("mugla", "en", [D], "stories datelined in Muğla or set there by their headline", place("MUĞLA", "Muğla")),
("living in turkiye", "en", [D], "the expat corner's stories on living in Türkiye as a foreigner", desk("expat-corner")),
# --- plural and singular
("shipwrecks", "en", [PL], "the discovery of a Byzantine shipwreck", topic("the discovery of a Byzantine shipwreck")),
("derbies", "en", [PL], "the derby at the weekend", topic("the derby at the weekend")),
("iznik tiles", "en", [PL, D], "the revival of Iznik tile-making", topic("the revival of Iznik tile-making")),
("mosques", "en", [PL], "stories about mosques: the Ottoman-era mosque's restoration and the trial over a mosque attack", topic("the restoration of an Ottoman-era mosque", "the trial over a mosque attack")),
("textile", "en", [PL], "the revival of handwoven textiles", topic("the revival of handwoven textiles")),
("designer", "en", [PL], "the new generation of designers", topic("the new generation of designers")),
("jazz festivals", "en", [PL], "the jazz festival", topic("the jazz festival")),
("refugee", "en", [PL], "the Syrian crisis desk's stories on refugees", desk("syrian-crisis")),
("electricity tariffs", "en", [PL], "the electricity tariff adjustment", topic("the electricity tariff adjustment")),
# --- phrases
('"high-speed rail"', "en", [P], "the three high-speed rail projects: across Europe, in Southeast Asia and to the east", topic("the cross-border high-speed rail plan", "the high-speed rail link in Southeast Asia", "the high-speed rail line to the east")),
('"minimum wage"', "en", [P], "the minimum wage review", topic("the minimum wage review")),
('"family doctor"', "en", [P], "the new family doctor system", topic("the new family doctor system")),
('"istanbul park"', "en", [P], "the grand prix at Istanbul Park", topic("the grand prix at Istanbul Park")),
('"lake van"', "en", [P], "the winter trip to Lake Van", topic("the winter trip to Lake Van")),
('"state opera"', "en", [P], "the state opera's new season (its artistic director is quoted in every performing-arts story)", topic("the state opera's new season")),
('"street food"', "en", [P], "the street food festival", topic("the street food festival")),
('"ayşe demirtaş"', "en", [P, N], "stories credited to Ayşe Demirtaş, her name as a phrase", credited("Ayşe Demirtaş")),
# --- exclusions
("high-speed rail -asia", "en", [X], "the high-speed rail projects outside Asia", without(topic("the cross-border high-speed rail plan", "the high-speed rail link in Southeast Asia", "the high-speed rail line to the east"), "asia")),
("tennis -davis", "en", [X], "tennis stories that do not mention the Davis Cup", without(desk("tennis"), "davis")),
("academy -karting", "en", [X], "the club's youth academy, not the karting academy", without(topic("the club's youth academy"), "karting")),
("vaccination -flu", "en", [X], "the vaccination campaign in Africa, not the flu drive", without(topic("the vaccination campaign"), "flu")),
# --- broad words: one word that many stories say, and few are about
("opera", "en", [B], "the state opera's new season (the opera's director speaks in every performing-arts story)", topic("the state opera's new season")),
("festival", "en", [B], "the stories about a festival: film, jazz, street food, children's, dance, spring", main_says("festival")),
("museum", "en", [B], "the exhibition at the modern art museum (curators of museums speak in many arts stories)", topic("the exhibition at the modern art museum")),
("inflation", "en", [B], "the balance between growth and inflation", topic("the balance between growth and inflation", "the latest inflation report")),
("water", "en", [B], "the regional water-sharing framework and the regional water summit", topic("the regional water-sharing framework", "the regional water summit")),
("stadium", "en", [B], "the new stadium project", topic("the new stadium project")),
("metro", "en", [B], "the new northern metro line", topic("the new northern metro line")),
("tourism", "en", [B], "the tourism desk's stories", desk("tourism")),
("قانون", "ar", [B], "the bills and laws", main_says("قانون")),
("المنتخب", "ar", [B], "the national teams: the qualifying campaign and the women's volleyball team", main_says("منتخب")),
("الطاقة", "ar", [B], "the energy stories: solar tender, gas pipeline, power grid", topic("مناقصة الطاقة الشمسية", "اتفاق خط أنابيب الغاز", "خطة تأهيل شبكة الكهرباء")),
# --- the Arabic edition: subjects
("قانون الإعلام", "ar", [T], "the media bill", topic("مشروع قانون الإعلام")),
("الإصلاحات القضائية", "ar", [T], "the judicial reform package", topic("حزمة الإصلاحات القضائية")),
("القمة الإقليمية", "ar", [T], "the regional summit", topic("القمة الإقليمية المرتقبة")),
("قصور البوسفور", "ar", [T], "the restoration of the Bosphorus mansions", topic("ترميم قصور البوسفور")),
("مهرجان الجاز", "ar", [T], "the jazz festival", topic("مهرجان موسيقى الجاز")),
("قانون العمل", "ar", [T], "the labour law amendments (not the work permits)", topic("تعديلات قانون العمل")),
("تبادل الأسرى", "ar", [T], "the prisoner exchange agreement", topic("اتفاق تبادل الأسرى")),
("الدعم الزراعي", "ar", [T], "the farm subsidy reform", topic("إصلاح الدعم الزراعي")),
("التهدئة الإقليمية", "ar", [T], "the regional de-escalation talks", topic("مفاوضات التهدئة الإقليمية")),
("الحساب الجاري", "ar", [T], "the current account balance", topic("ميزان الحساب الجاري")),
("السفينة البيزنطية", "ar", [T], "the Byzantine shipwreck", topic("حطام السفينة البيزنطية")),
("مشوار المنتخب", "ar", [T], "the national team's qualifying campaign", topic("مشوار المنتخب في التصفيات")),
("مشروع الإسكان", "ar", [T], "the housing project for returning families", topic("مشروع الإسكان للعائدين")),
# --- Arabic letter forms: hamza, alef maqsura and ta marbuta typed the plain way
("تصاريح العمل للاجانب", "ar", [A], "work permits for foreigners, typed without the hamza", topic("تصاريح العمل للأجانب")),
("اشباه الموصلات", "ar", [A], "the semiconductor supply chains, typed without the hamza", topic("سلاسل إمداد أشباه الموصلات")),
("اتفاق تسهيل التاشيرات", "ar", [A], "the visa facilitation deal, typed without the hamza", topic("اتفاق تسهيل التأشيرات")),
("مصطفي الايوبي", "ar", [A, N], "the stories quoting Mustafa al-Ayyubi, typed with ي for ى and no hamza", figure("مصطفى الأيوبي")),
("احمد قره داغ", "ar", [A, N], "the stories quoting Istanbul's deputy mayor Ahmet Karadağ", figure("أحمد قره داغ")),
("الهام اوزجان", "ar", [A, N], "the stories quoting the economist İlham Özcan", figure("إلهام أوزجان")),
("سعاد الحلبى", "ar", [A, N], "the stories quoting the deputy foreign minister Suad al-Halabi, typed with ى for ي", figure("سعاد الحلبي")),
("شبنم اكتاش", "ar", [A, N], "the stories quoting the captain Şebnem Aktaş", figure("شبنم أكتاش")),
("شانلي اورفه", "ar", [A], "stories datelined in Şanlıurfa, typed without the hamza and with ه for ة", place("شانلي أورفة", "شانلي أورفة")),
# --- Arabic names
("ليلى حداد", "ar", [N], "stories credited to Leila Haddad (passers-by named Haddad are not her)", credited("ليلى حداد")),
("عمر فاروق", "ar", [N], "stories credited to Omar Farouk", credited("عمر فاروق")),
("رانيا خوري", "ar", [N], "the stories quoting Rania Khoury", figure("رانيا خوري")),
("نادين الأسمر", "ar", [N], "the stories quoting the festival director Nadine al-Asmar", figure("نادين الأسمر")),
("كلارا فيبر", "ar", [N], "the stories quoting Clara Weber of the European Commission", figure("كلارا فيبر")),
# --- Arabic plural and singular
("قانون الانتخاب", "ar", [PL], "the new elections bill, asked for in the singular", topic("مشروع قانون الانتخابات الجديد")),
("لاجئ", "ar", [PL], "the stories on Syrian refugees, asked for in the singular", figure("عبد الرحمن الإدلبي")),
("مهرجانات", "ar", [PL], "the festivals: jazz and documentary film", topic("مهرجان موسيقى الجاز", "مهرجان الأفلام الوثائقية")),
# --- Arabic phrases
('"قانون الإعلام"', "ar", [P], "the media bill", topic("مشروع قانون الإعلام")),
('"الحد الأدنى للأجور"', "ar", [P], "the minimum wage review", topic("مراجعة الحد الأدنى للأجور")),
('"تبادل الأسرى"', "ar", [P], "the prisoner exchange agreement", topic("اتفاق تبادل الأسرى")),
('"سوق الانتقالات"', "ar", [P], "the summer transfer window", topic("سوق الانتقالات الصيفية")),
# --- Arabic exclusions
("مهرجان -الجاز", "ar", [X], "the festivals but the jazz festival", without(topic("مهرجان موسيقى الجاز", "مهرجان الأفلام الوثائقية"), "الجاز")),
("قانون -الانتخابات", "ar", [X], "the bills and laws but those that speak of elections", without(main_says("قانون"), "انتخاب")),
]


def quoted(text):
    return json.dumps(text, ensure_ascii=False)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    found = stories(sys.argv[1])
    keys = [(s["edition"], s["key"]) for s in found]
    if len(keys) != len(set(keys)):
        sys.exit("two stories of one edition share a section and a slug")
    out = [HEADER]
    for text, edition, groups, why, judgement in QUERIES:
        relevant = sorted(s["key"] for s in found if s["edition"] == edition and judgement(s))
        if not relevant:
            sys.exit(f"{text!r}: no story is relevant")
        print(f"{text} ({edition}): {len(relevant)}, {why}")
        for key in relevant:
            print(f"    {key}")
        out += [
            "",
            "[[query]]",
            f"text = {quoted(text)}",
            f"edition = {quoted(edition)}",
            "groups = [" + ", ".join(quoted(g) for g in groups) + "]",
            f"why = {quoted(why)}",
            "relevant = [",
            *(f"  {quoted(key)}," for key in relevant),
            "]",
        ]
    OUT.write_text("\n".join(out) + "\n")
    print(f"{len(QUERIES)} queries written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
