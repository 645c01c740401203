//! The PDF report read back: a text-extraction crate (`pdf-extract`) must find every
//! proposition and reaction with its Dutch characters intact, no glyph may stand past the right
//! margin (long text wraps), the same session must give the same bytes, and odd input must not
//! panic.

use crate::support::examples;
use std::path::Path;

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use stelling::model::{Group, Id, Item, ItemKind, Language, Reaction, Session, Stance, Tally};
use stelling::{report, store};

/// A4 width in points, and the right edge of the text column (2 cm margins, rounded up).
const PAGE_W: f64 = 595.28;
const RIGHT_EDGE: f64 = PAGE_W - 56.0 + 0.5;

fn load(path: &Path) -> Session {
    store::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn pdf(s: &Session) -> Vec<u8> {
    let bytes = report::pdf(s).expect("a PDF");
    assert!(bytes.starts_with(b"%PDF-"));
    bytes
}

/// The text of all pages, each page's footer ("pagina 2 van 5", drawn last) cut off so a
/// text running over a page break reads on; the footers are checked, one per page.
fn text(bytes: &[u8]) -> String {
    let pages = pdf_extract::extract_text_from_mem_by_pages(bytes).expect("readable PDF");
    let total = pages.len();
    let mut out = String::new();
    for (i, page) in pages.iter().enumerate() {
        let page = page.trim_end();
        let footer = [
            format!("pagina {} van {total}", i + 1),
            format!("page {} of {total}", i + 1),
        ]
        .into_iter()
        .find(|f| page.ends_with(f.as_str()))
        .unwrap_or_else(|| panic!("page {} has no footer: {page}", i + 1));
        out.push_str(&page[..page.len() - footer.len()]);
        out.push('\n');
    }
    out
}

/// Text without any whitespace, so a wrapped line compares equal to the unwrapped one.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every character drawn, with its page and horizontal extent.
#[derive(Default)]
struct Glyphs {
    page: u32,
    seen: Vec<(u32, f64, f64, f64, String)>,
}

impl OutputDev for Glyphs {
    fn begin_page(
        &mut self,
        page: u32,
        _: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page = page;
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        c: &str,
    ) -> Result<(), OutputError> {
        // The font size as drawn: scaled by the text matrix (area scale, as pdf-extract does).
        let size = font_size * (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let (x, y) = (trm.m31, trm.m32);
        // pdf-extract may not read the widths of a CID font and report 0; then count a quarter
        // em, less than any DejaVu glyph but the space and combining marks advance, so the
        // check stays a lower bound and never fails a glyph that fits.
        let advance = if width > 0.0 {
            width * size
        } else {
            0.25 * size
        };
        self.seen
            .push((self.page, x, x + advance, y, c.to_string()));
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

fn glyphs(bytes: &[u8]) -> Vec<(u32, f64, f64, f64, String)> {
    let doc = pdf_extract::Document::load_mem(bytes).expect("readable PDF");
    let mut out = Glyphs::default();
    pdf_extract::output_doc(&doc, &mut out).expect("walkable PDF");
    out.seen
}

fn pages(bytes: &[u8]) -> usize {
    pdf_extract::Document::load_mem(bytes)
        .expect("readable PDF")
        .get_pages()
        .len()
}

fn reaction(id: u64, text: &str) -> Reaction {
    crate::support::reaction(Id(id), text, Stance::For, None)
}

#[test]
fn every_proposition_and_reaction_is_in_the_text() {
    for path in examples() {
        let s = load(&path);
        let bytes = pdf(&s);
        let found = squash(&text(&bytes));
        let mut checked = 0;
        for item in &s.agenda {
            assert!(
                found.contains(&squash(&item.text)),
                "{}: item text missing: {}",
                path.display(),
                item.text
            );
            for r in item.rounds.iter().flat_map(|r| &r.reactions) {
                if !r.text.trim().is_empty() {
                    assert!(
                        found.contains(&squash(&r.text)),
                        "{}: reaction missing: {}",
                        path.display(),
                        r.text
                    );
                    checked += 1;
                }
            }
        }
        // Dutch characters the session uses come back as themselves.
        let source: String = s
            .agenda
            .iter()
            .flat_map(|i| {
                std::iter::once(i.text.clone()).chain(
                    i.rounds
                        .iter()
                        .flat_map(|r| r.reactions.iter().map(|x| x.text.clone())),
                )
            })
            .collect();
        for c in "ëéïèöü‘’“”—–".chars() {
            if source.contains(c) {
                assert!(found.contains(c), "{}: {c} lost", path.display());
            }
        }
        if path.ends_with("stellingenworkshop.ron") {
            assert!(checked > 5, "the workshop has reactions");
            assert!(found.contains("Rangordevandestellingen"));
        }
    }
}

#[test]
fn dutch_punctuation_survives_exactly() {
    let mut s = Session::new("Één ‘stelling’ — “goed” of niet?", Language::Nl);
    let mut item = Item::new(
        &s,
        ItemKind::Proposition,
        "Ideeën zijn naïef én geëvalueerd",
    );
    item.rounds[0].reactions.push(reaction(
        900,
        "Café-eigenaar: ‘reünie’ — “coördinatie” is ëën ding",
    ));
    s.agenda.push(item);
    let found = text(&pdf(&s));
    for piece in [
        "Één ‘stelling’ — “goed” of niet?",
        "Ideeën zijn naïef én geëvalueerd",
        "Café-eigenaar: ‘reünie’ — “coördinatie” is ëën ding",
    ] {
        assert!(found.contains(piece), "{piece} not in {found}");
    }
}

/// A session whose first item has a 2,000-character reaction and a 300-character word.
fn long_texts() -> (Session, String, String) {
    let mut s = Session::new("Lang", Language::Nl);
    let sentence = "Samenwerking tussen school en jeugdhulp begint bij één vast gezicht. ";
    let long: String = sentence.repeat(40).chars().take(2000).collect();
    let word: String = "abcdefghijëklmnopqrstuvwxyz"
        .chars()
        .cycle()
        .take(300)
        .collect();
    let mut item = Item::new(&s, ItemKind::Proposition, format!("Stelling {word}"));
    item.rounds[0].reactions.push(reaction(901, &long));
    item.rounds[0].reactions.push(reaction(902, &word));
    s.agenda.push(item);
    (s, long, word)
}

#[test]
fn long_text_wraps_inside_the_margins() {
    let (s, long, word) = long_texts();
    let bytes = pdf(&s);
    let found = text(&bytes);
    assert!(squash(&found).contains(&squash(&long)));
    assert!(squash(&found).contains(&word));
    let drawn = glyphs(&bytes);
    assert!(drawn.len() > 2300, "{} glyphs", drawn.len());
    for (page, x, end, _, c) in &drawn {
        assert!(
            *x >= 50.0 && *end <= RIGHT_EDGE,
            "{c:?} on page {page} at {x}..{end}"
        );
    }
    // The 2,000 characters take many lines: count the baselines of lines with "Samenwerking".
    let mut lines: Vec<(u32, i64)> = drawn
        .iter()
        .map(|(page, _, _, y, _)| (*page, (*y * 10.0) as i64))
        .collect();
    lines.sort();
    lines.dedup();
    assert!(lines.len() > 25, "only {} lines", lines.len());
}

#[test]
fn same_session_same_bytes() {
    for path in examples() {
        let s = load(&path);
        let first = pdf(&s);
        assert_eq!(first, pdf(&s), "{}", path.display());
        let raw = String::from_utf8_lossy(&first);
        assert!(!raw.contains("/CreationDate") && !raw.contains("/ModDate"));
    }
    let (s, _, _) = long_texts();
    assert_eq!(pdf(&s), pdf(&s));
}

#[test]
fn empty_session_is_one_page() {
    let s = Session::new("", Language::En);
    let bytes = pdf(&s);
    assert_eq!(pages(&bytes), 1);
    let found = text(&bytes);
    assert!(
        found.contains("Report") && found.contains("No agenda items."),
        "{found}"
    );
    let raw = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    assert!(raw.trim_end().ends_with("page 1 of 1"), "{raw}");
}

#[test]
fn odd_and_huge_text_does_not_panic() {
    let odd = "🙂👍🏽 e\u{301} \u{200b}\u{200d}\u{feff} سلام עברית 中文 \0\u{7}\t\r\n ) ( \\ BT /F1 12 Tf (x) Tj ET \
               \u{202e}reversed\u{202c} ﷽ 𝕏";
    let mut s = Session::new(odd, Language::Nl);
    s.groups = (0..12)
        .map(|n| Group {
            id: Id(5000 + n),
            name: format!("{odd} groep {n}"),
            size: None,
        })
        .collect();
    s.place = odd.repeat(50);
    let mut item = Item::new(&s, ItemKind::Proposition, odd.repeat(200));
    item.options[0].label = odd.repeat(20);
    let options: Vec<Id> = item.options.iter().map(|o| o.id).collect();
    for (g, group) in s.groups.iter().enumerate() {
        for (o, option) in options.iter().enumerate() {
            item.rounds[0].tallies.push(Tally {
                option: *option,
                group: Some(group.id),
                count: if g == 0 && o == 0 {
                    u32::MAX
                } else {
                    (g + o) as u32
                },
            });
        }
    }
    for n in 0..300 {
        let mut r = reaction(10_000 + n, &odd.repeat((n % 7 + 1) as usize));
        r.highlighted = n % 3 == 0;
        r.by = Some(odd.into());
        item.rounds[0].reactions.push(r);
    }
    s.agenda.push(item);
    let mut info = Item::new(&s, ItemKind::Info, "x".repeat(100_000));
    info.rounds.clear();
    s.agenda.push(info);
    let bytes = pdf(&s);
    assert!(pages(&bytes) > 5);
    let found = squash(&text(&bytes));
    assert!(
        found.contains("BT/F112Tf(x)TjET"),
        "PDF syntax in text stays text"
    );
    assert!(found.contains("سلام"));
}
