//! Saved chats of online meetings into reactions. Understood, one message a header line
//! optionally followed by continuation lines:
//!
//! - Zoom: `10:02:33 From Jan to Everyone: text`, `10:02:33 From Jan : text`, private
//!   `… to Piet(privately): …` / `… to Piet(Direct Message): …`, and the newer layout with the
//!   text on indented lines under `10:02:33 From  Jan  to  Everyone:`;
//! - Zoom, tab separated: `10:02:33\tJan:\ttext`;
//! - Teams / Meet-like: `[10:02] Jan: text`, `[10:02:33] Jan: text`, `[10:02 AM] Jan` with the
//!   text on the next lines;
//! - plain: `10:02 Jan: text`;
//! - WhatsApp-like, with a date before the time that is read and dropped:
//!   `12-03-2025 10:02 - Jan: text`, `[12/03/2025, 10:02:33] Jan: text`.
//!
//! A line without a header continues the message before it; one before any message, and a
//! header with no text at all, are reported in [`ChatImport::unparsed`]. Messages to one person
//! rather than everyone are kept apart in [`ChatImport::private`] and are not imported unless
//! the caller moves them over. Parsing never panics and accounts for every non-blank line.

use super::trim_all;
use crate::model::{Change, Id, IdSource, Reaction, Session, Stance};
use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeDelta, TimeZone};

/// Longest name a `Name: text` header may have; longer, and the colon is part of a sentence.
const MAX_NAME_CHARS: usize = 64;

/// One chat message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChatMessage {
    pub time: Option<NaiveTime>,
    /// The sender as the chat app wrote it, without invisible characters at its edges.
    pub name: Option<String>,
    /// The text; continuation lines are joined with `\n`.
    pub text: String,
    /// The header's line number, counted from 1.
    pub line: usize,
    /// The message's last line number (the header's when it has no continuation lines).
    pub last_line: usize,
}

/// What [`parse`] found in a chat file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChatImport {
    /// Messages to everyone, in file order: these are imported.
    pub messages: Vec<ChatMessage>,
    /// Messages to one person (Zoom's "privately" and "Direct Message"): left out by default.
    pub private: Vec<ChatMessage>,
    /// Lines that are not part of any message, with their line numbers counted from 1.
    pub unparsed: Vec<(usize, String)>,
}

impl ChatImport {
    /// Moves the private messages in with the others, in file order, for a facilitator who
    /// decides to import them after all.
    pub fn include_private(&mut self) {
        self.messages.append(&mut self.private);
        self.messages.sort_by_key(|m| m.line);
    }
}

/// Reads a saved chat. Never panics; every non-blank line ends up in a message (public or
/// private) or in `unparsed`.
pub fn parse(text: &str) -> ChatImport {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut import = ChatImport::default();
    // The message being read, whether it is private, and its header line.
    let mut current: Option<(ChatMessage, bool, &str)> = None;
    for (index, raw) in super::lines(text).enumerate() {
        let number = index + 1;
        let line = trim_all(raw);
        if line.is_empty() {
            continue;
        }
        if let Some(h) = header(line) {
            if let Some(done) = current.take() {
                finish(&mut import, done);
            }
            let message = ChatMessage {
                time: h.time,
                name: h.name.map(str::to_string),
                text: h.text.to_string(),
                line: number,
                last_line: number,
            };
            current = Some((message, h.private, line));
        } else if let Some((message, _, _)) = &mut current {
            if !message.text.is_empty() {
                message.text.push('\n');
            }
            message.text.push_str(line);
            message.last_line = number;
        } else {
            import.unparsed.push((number, line.to_string()));
        }
    }
    if let Some(done) = current.take() {
        finish(&mut import, done);
    }
    import
}

fn finish(import: &mut ChatImport, (message, private, header): (ChatMessage, bool, &str)) {
    if message.text.is_empty() {
        // A header and nothing else (Teams' "[10:02] Jan" before an image, a WhatsApp notice):
        // there is nothing to import, so the user sees the line among those left out.
        import.unparsed.push((message.line, header.to_string()));
    } else if private {
        import.private.push(message);
    } else {
        import.messages.push(message);
    }
}

/// A recognised first line of a message.
#[derive(Debug, PartialEq)]
struct Header<'a> {
    time: Option<NaiveTime>,
    name: Option<&'a str>,
    text: &'a str,
    private: bool,
}

fn header(line: &str) -> Option<Header<'_>> {
    let stamp = timestamp(line)?;
    let rest = stamp.rest;
    if rest.is_empty() {
        return None;
    }
    if let Some(h) = zoom(rest) {
        return Some(Header {
            time: Some(stamp.time),
            ..h
        });
    }
    if let Some((name, text)) = name_colon(rest) {
        return Some(Header {
            time: Some(stamp.time),
            name: Some(name),
            text,
            private: false,
        });
    }
    // `[10:02 AM] Jan Jansen` with the text below it, as Teams copies; a date before the time
    // (WhatsApp) marks a header just as well. A plain `10:02 something` is a sentence.
    if stamp.marked {
        let (name, text) = if rest.chars().count() <= MAX_NAME_CHARS {
            (Some(rest), "")
        } else {
            (None, rest)
        };
        return Some(Header {
            time: Some(stamp.time),
            name,
            text,
            private: false,
        });
    }
    None
}

/// Zoom's `From NAME to RECIPIENT: text` and `From NAME : text` after the time.
fn zoom(rest: &str) -> Option<Header<'_>> {
    let body = ["From ", "Van "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))?;
    let colon = body.find(':')?;
    let (head, text) = (&body[..colon], trim_all(&body[colon + 1..]));
    let mut private = false;
    let mut head = trim_all(head);
    for marker in [
        "(privately)",
        "(Privately)",
        "(Direct Message)",
        "(direct message)",
        "(privé)",
        "(Privé)",
    ] {
        if let Some(before) = head.strip_suffix(marker) {
            private = true;
            head = trim_all(before);
        }
    }
    let mut name = head;
    for to in [" to ", " naar ", " aan "] {
        if let Some(at) = head.rfind(to) {
            name = trim_all(&head[..at]);
            let recipient = trim_all(&head[at + to.len()..]).to_lowercase();
            if !["everyone", "iedereen", "all", "allen", "alle deelnemers"]
                .iter()
                .any(|all| recipient.starts_with(all))
            {
                private = true;
            }
            break;
        }
    }
    Some(Header {
        time: None,
        name: (!name.is_empty()).then_some(name),
        text,
        private,
    })
}

/// `Name: text` (also `Name:\ttext`, or `Name:` with the text below): the name up to the first
/// colon that a space, a tab or the end of the line follows.
fn name_colon(rest: &str) -> Option<(&str, &str)> {
    let colon = rest.find(':')?;
    let after = &rest[colon + 1..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let name = trim_all(&rest[..colon]);
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return None;
    }
    Some((name, trim_all(after)))
}

struct Stamp<'a> {
    time: NaiveTime,
    /// In brackets or after a date: surely a header, even without `Name:`.
    marked: bool,
    rest: &'a str,
}

/// `10:02`, `10:02:33`, `[10:02 AM]`, `12-03-2025 10:02 -`, `[12/03/2025, 10:02:33]` at the
/// start of the line, and what follows it.
fn timestamp(line: &str) -> Option<Stamp<'_>> {
    let mut s = line;
    let bracketed = if let Some(r) = s.strip_prefix('[') {
        s = r;
        true
    } else {
        false
    };
    let dated = match date(s) {
        Some(r) => {
            s = r;
            true
        }
        None => false,
    };
    let (hour, r) = digits(s, 1, 2)?;
    let (minute, r) = digits(r.strip_prefix(':')?, 2, 2)?;
    s = r;
    let mut second = 0;
    if let Some(r) = s.strip_prefix(':') {
        (second, s) = digits(r, 2, 2)?;
    }
    let (hour, r) = meridiem(hour, s)?;
    s = r;
    if bracketed {
        s = s.strip_prefix(']')?;
    }
    if !(s.is_empty() || s.starts_with(char::is_whitespace)) {
        return None;
    }
    let mut rest = trim_all(s);
    if dated && let Some(r) = rest.strip_prefix(['-', '–']) {
        rest = trim_all(r);
    }
    Some(Stamp {
        time: NaiveTime::from_hms_opt(hour, minute, second)?,
        marked: bracketed || dated,
        rest,
    })
}

/// ` AM`, `PM`, ` a.m.`, ` p.m.` after a time: the hour on a 24-hour clock, and what follows.
fn meridiem(hour: u32, s: &str) -> Option<(u32, &str)> {
    let trimmed = s.trim_start_matches(' ');
    let lower = |n: usize| trimmed.get(..n).map(str::to_ascii_lowercase);
    for (mark, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if lower(mark.len()).as_deref() == Some(mark) {
            let after = &trimmed[mark.len()..];
            // "10:02 amsterdam" is not a time of day.
            if after.starts_with(|c: char| c.is_alphanumeric()) {
                break;
            }
            if !(1..=12).contains(&hour) {
                return None;
            }
            let hour = match (hour, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, false) => h,
                (h, true) => h + 12,
            };
            return Some((hour, after));
        }
    }
    Some((hour, s))
}

/// A date such as `12-03-2025`, `2025-03-12`, `12/03/25` or `12.03.2025`, with an optional
/// comma, followed by whitespace: what follows it.
fn date(s: &str) -> Option<&str> {
    let (_, r) = digits(s, 1, 4)?;
    let sep = r.chars().next().filter(|c| matches!(c, '-' | '/' | '.'))?;
    let (_, r) = digits(&r[1..], 1, 2)?;
    let (_, r) = digits(r.strip_prefix(sep)?, 2, 4)?;
    let r = r.strip_prefix(',').unwrap_or(r);
    r.starts_with(char::is_whitespace).then(|| r.trim_start())
}

/// `min..=max` ASCII digits at the start of `s`, their value and what follows.
fn digits(s: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n < min || n > max {
        return None;
    }
    let value = s[..n].parse().ok()?;
    Some((value, &s[n..]))
}

/// One undoable change that appends the messages as reactions at the end of `round` of `item`:
/// stance Question for a message ending in a question mark, Neutral otherwise; the sender's
/// name only with `keep_names` (names stay out by default, for privacy); the time on `date` at
/// `offset` when the message has one, moving on a day when the clock passes midnight.
pub fn to_changes(
    session: &Session,
    item: Id,
    round: Id,
    import: &ChatImport,
    keep_names: bool,
    date: NaiveDate,
    offset: FixedOffset,
) -> Change {
    let start = session
        .item(item)
        .and_then(|i| i.round(round))
        .map_or(usize::MAX, |r| r.reactions.len());
    let mut ids = IdSource::new(session);
    let mut day = date;
    let mut previous: Option<NaiveTime> = None;
    Change::Batch(
        import
            .messages
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let time = m.time.and_then(|t| {
                    if let Some(p) = previous
                        && p - t > TimeDelta::hours(12)
                    {
                        day = day.succ_opt().unwrap_or(day);
                    }
                    previous = Some(t);
                    offset.from_local_datetime(&day.and_time(t)).single()
                });
                Change::AddReaction {
                    item,
                    round,
                    index: start.saturating_add(i),
                    reaction: Reaction {
                        id: ids.fresh(),
                        text: m.text.clone(),
                        stance: stance(&m.text),
                        group: None,
                        by: m.name.clone().filter(|_| keep_names),
                        time,
                        highlighted: false,
                    },
                }
            })
            .collect(),
    )
}

/// A question when it ends with a question mark (also the full-width and Arabic ones).
fn stance(text: &str) -> Stance {
    if trim_all(text).ends_with(['?', '？', '؟']) {
        Stance::Question
    } else {
        Stance::Neutral
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemKind, Language};

    fn t(h: u32, m: u32, s: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, s)
    }

    fn msg(time: Option<NaiveTime>, name: &str, text: &str, line: usize) -> ChatMessage {
        ChatMessage {
            time,
            name: Some(name.to_string()),
            text: text.to_string(),
            line,
            last_line: line,
        }
    }

    #[test]
    fn zoom_classic() {
        let chat = "09:58:12 From Anneke de Wit to Everyone: Goedemorgen allemaal!\n\
                    10:01:40 From Sam : Can everyone hear me?\n\
                    10:02:05 From Bram to Everyone : Ja, prima: luid en duidelijk\n";
        let got = parse(chat);
        assert_eq!(
            got.messages,
            vec![
                msg(t(9, 58, 12), "Anneke de Wit", "Goedemorgen allemaal!", 1),
                msg(t(10, 1, 40), "Sam", "Can everyone hear me?", 2),
                msg(t(10, 2, 5), "Bram", "Ja, prima: luid en duidelijk", 3),
            ]
        );
        assert!(got.private.is_empty() && got.unparsed.is_empty());
    }

    #[test]
    fn zoom_private_messages_are_kept_apart() {
        let chat = "10:05:00 From Mila to Joost(privately): Kun jij de notulen doen?\n\
                    10:05:30 From Joost to Mila(Direct Message): Sure, will do\n\
                    10:06:00 From Joost to Everyone: Notes will follow by e-mail\n\
                    10:06:10 From  Mila  to  Kees:\n\tzie je straks\n";
        let mut got = parse(chat);
        assert_eq!(got.messages.len(), 1);
        assert_eq!(got.messages[0].text, "Notes will follow by e-mail");
        assert_eq!(got.private.len(), 3);
        assert_eq!(got.private[0].name.as_deref(), Some("Mila"));
        assert_eq!(got.private[1].text, "Sure, will do");
        assert_eq!(got.private[2].text, "zie je straks");
        got.include_private();
        let lines: Vec<usize> = got.messages.iter().map(|m| m.line).collect();
        assert_eq!(lines, [1, 2, 3, 4]);
    }

    #[test]
    fn zoom_newer_with_text_below() {
        let chat = "10:12:03 From  Fatima El Idrissi  to  Everyone:\n\
                    \tIk denk dat de wijkagent\n\
                    \tvaker langs moet komen\n\
                    10:12:40 From  Tom  to  Everyone:\n\
                    \tAgreed 👍\n";
        let got = parse(chat);
        assert_eq!(got.messages.len(), 2);
        assert_eq!(got.messages[0].name.as_deref(), Some("Fatima El Idrissi"));
        assert_eq!(
            got.messages[0].text,
            "Ik denk dat de wijkagent\nvaker langs moet komen"
        );
        assert_eq!((got.messages[0].line, got.messages[0].last_line), (1, 3));
        assert_eq!(got.messages[1].text, "Agreed 👍");
    }

    #[test]
    fn zoom_tab_separated() {
        let chat = "00:04:12\tLotte Jansen:\tWat gebeurt er met de uitkomsten?\n\
                    00:05:01\t Yusuf :\tThey go to the council\tin March\n";
        let got = parse(chat);
        assert_eq!(
            got.messages,
            vec![
                msg(
                    t(0, 4, 12),
                    "Lotte Jansen",
                    "Wat gebeurt er met de uitkomsten?",
                    1
                ),
                msg(t(0, 5, 1), "Yusuf", "They go to the council\tin March", 2),
            ]
        );
    }

    #[test]
    fn bracketed_teams_and_meet_like() {
        let chat = "[14:03] Eva: Mooi initiatief\n\
                    [14:03:59] Daan Visser: Do we have a budget for this?\n\
                    [2:05 PM] Noor Bakker\n\
                    Kunnen we dit in de volgende\n\
                    vergadering terugzien?\n\
                    [12:10 am] Night Owl: late\n";
        let got = parse(chat);
        assert_eq!(got.messages.len(), 4, "{got:?}");
        assert_eq!(
            got.messages[0],
            msg(t(14, 3, 0), "Eva", "Mooi initiatief", 1)
        );
        assert_eq!(got.messages[1].time, t(14, 3, 59));
        assert_eq!(got.messages[1].name.as_deref(), Some("Daan Visser"));
        assert_eq!(got.messages[2].time, t(14, 5, 0));
        assert_eq!(got.messages[2].name.as_deref(), Some("Noor Bakker"));
        assert_eq!(
            got.messages[2].text,
            "Kunnen we dit in de volgende\nvergadering terugzien?"
        );
        assert_eq!(got.messages[3].time, t(0, 10, 0));
    }

    #[test]
    fn plain_time_name_colon() {
        let chat = "9:15 Ruben: Ik kom iets later\n10:00 Iris: The slides are online: see the mail";
        let got = parse(chat);
        assert_eq!(
            got.messages[0],
            msg(t(9, 15, 0), "Ruben", "Ik kom iets later", 1)
        );
        assert_eq!(got.messages[1].text, "The slides are online: see the mail");
        // A sentence that starts with a time continues the message before it.
        let got = parse("10:00 Iris: We beginnen\n10:30 is de pauze, tot dan");
        assert_eq!(got.messages.len(), 1);
        assert_eq!(
            got.messages[0].text,
            "We beginnen\n10:30 is de pauze, tot dan"
        );
    }

    #[test]
    fn whatsapp_like_with_dates() {
        let chat = "12-03-2025 19:02 - Karin: Zijn er nog stoelen nodig?\n\
                    [12/03/2025, 19:03:10] Piet: Nee hoor\n\
                    12-03-2025 19:04 - Piet joined using this group's invite link\n";
        let got = parse(chat);
        assert_eq!(got.messages.len(), 2);
        assert_eq!(got.messages[0].name.as_deref(), Some("Karin"));
        assert_eq!(got.messages[1].time, t(19, 3, 10));
        assert_eq!(got.unparsed.len(), 1);
        assert_eq!(got.unparsed[0].0, 3);
    }

    #[test]
    fn unparsed_lines_are_reported() {
        let chat = "Chat van de bijeenkomst\n\
                    \n\
                    10:00:01 From Ali to Everyone: Hallo\n\
                    [10:01] Jip\n\
                    [10:02] Jip: daar ben ik weer\n";
        let got = parse(chat);
        assert_eq!(
            got.unparsed,
            vec![
                (1, "Chat van de bijeenkomst".to_string()),
                (4, "[10:01] Jip".to_string())
            ]
        );
        assert_eq!(got.messages.len(), 2);
    }

    #[test]
    fn lines_ended_by_cr_alone() {
        let got = parse("10:00:00 From Ann to Everyone: Hoi\rtweede regel\r\r[10:01] Bob: Ja\r");
        assert_eq!(got.messages.len(), 2, "{got:?}");
        assert_eq!(got.messages[0].text, "Hoi\ntweede regel");
        assert_eq!(
            (got.messages[1].text.as_str(), got.messages[1].line),
            ("Ja", 4)
        );
        assert!(got.unparsed.is_empty());
    }

    #[test]
    fn empty_and_blank_input() {
        assert_eq!(parse(""), ChatImport::default());
        assert_eq!(parse("\u{FEFF}\r\n \r\n\t\n"), ChatImport::default());
    }

    #[test]
    fn crlf_and_bom() {
        let got =
            parse("\u{FEFF}10:00:00 From Ann to Everyone: Hi\r\nthere\r\n\r\n[10:01] Bob: Yo\r\n");
        assert_eq!(got.messages[0].text, "Hi\nthere");
        assert_eq!(got.messages[0].name.as_deref(), Some("Ann"));
        assert_eq!(got.messages[1].text, "Yo");
        assert!(got.unparsed.is_empty());
    }

    #[test]
    fn odd_unicode() {
        let chat = "\u{200E}[10:00] \u{200B}Zoë 🌻\u{200D}: 🎉🎉\n\
                    [10:01] \u{202B}سارا\u{202C}: متى نبدأ؟\n\
                    10:02:00 From \u{2066}李雷\u{2069} to Everyone: 好的\n\
                    [10:03] 👩‍👩‍👧 Familie: ok\n";
        let got = parse(chat);
        let names: Vec<&str> = got
            .messages
            .iter()
            .filter_map(|m| m.name.as_deref())
            .collect();
        assert_eq!(names, ["Zoë 🌻", "سارا", "李雷", "👩‍👩‍👧 Familie"]);
        assert_eq!(got.messages[0].text, "🎉🎉");
        assert_eq!(stance(&got.messages[1].text), Stance::Question);
    }

    #[test]
    fn invalid_times_are_not_headers() {
        let got = parse("25:61 Bob: nee\n[13:00 PM] Bob: ook niet\n1:2 Bob: nee");
        assert!(got.messages.is_empty());
        assert_eq!(got.unparsed.len(), 3);
    }

    fn session_with_item() -> (Session, Id, Id) {
        let mut s = Session::new("Online overleg", Language::Nl);
        let item = crate::model::Item::new(&s, ItemKind::Question, "Wat vond je ervan?");
        let (id, round) = (item.id, item.rounds[0].id);
        s.apply(Change::AddItem {
            index: 0,
            item: Box::new(item),
        })
        .unwrap();
        (s, id, round)
    }

    #[test]
    fn to_changes_appends_reactions() {
        let (mut s, item, round) = session_with_item();
        let import = parse(
            "23:58:00 From Ann to Everyone: Goed gesprek\n\
             23:59:30 From Bob to Everyone: Wanneer is de volgende keer?\n\
             00:01:00 From Cas to Everyone: Tot ziens\n\
             [00:02] Dirk\ngeen tijd?",
        );
        let date = NaiveDate::from_ymd_opt(2025, 3, 12).unwrap();
        let offset = FixedOffset::east_opt(3600).unwrap();
        let undo = s
            .apply(to_changes(&s, item, round, &import, false, date, offset))
            .unwrap();
        let reactions = &s.item(item).unwrap().rounds[0].reactions;
        assert_eq!(reactions.len(), 4);
        assert!(reactions.iter().all(|r| r.by.is_none()));
        assert_eq!(reactions[0].stance, Stance::Neutral);
        assert_eq!(reactions[1].stance, Stance::Question);
        assert_eq!(
            reactions[0].time.unwrap().to_rfc3339(),
            "2025-03-12T23:58:00+01:00"
        );
        assert_eq!(
            reactions[2].time.unwrap().to_rfc3339(),
            "2025-03-13T00:01:00+01:00"
        );
        assert_eq!(reactions[3].text, "geen tijd?");
        crate::model::validate::session(&s).unwrap();

        // A second import goes after the first, now with names.
        let more = parse("[10:00] Eve: Nog één ding");
        s.apply(to_changes(&s, item, round, &more, true, date, offset))
            .unwrap();
        let reactions = &s.item(item).unwrap().rounds[0].reactions;
        assert_eq!(reactions.len(), 5);
        assert_eq!(reactions[4].by.as_deref(), Some("Eve"));
        assert_eq!(reactions[4].text, "Nog één ding");
        s.apply(undo).unwrap();
        let reactions = &s.item(item).unwrap().rounds[0].reactions;
        assert_eq!(
            reactions.len(),
            1,
            "undo takes the first import out, in one step"
        );
    }

    #[test]
    fn to_changes_without_times() {
        let (mut s, item, round) = session_with_item();
        let import = ChatImport {
            messages: vec![ChatMessage {
                time: None,
                name: None,
                text: "los bericht".into(),
                line: 1,
                last_line: 1,
            }],
            ..Default::default()
        };
        let date = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let utc = FixedOffset::east_opt(0).unwrap();
        s.apply(to_changes(&s, item, round, &import, true, date, utc))
            .unwrap();
        let r = &s.item(item).unwrap().rounds[0].reactions[0];
        assert_eq!((r.time, r.by.as_deref()), (None, None));
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        fn accounted(text: &str) {
            let import = parse(text);
            let mut seen = std::collections::BTreeSet::new();
            for m in import.messages.iter().chain(&import.private) {
                assert!(!m.text.is_empty());
                assert!(m.line <= m.last_line);
                seen.extend(m.line..=m.last_line);
            }
            for (n, _) in &import.unparsed {
                assert!(seen.insert(*n), "line {n} counted twice");
            }
            let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
            for (i, line) in crate::import::lines(text).enumerate() {
                if !trim_all(line).is_empty() {
                    assert!(seen.contains(&(i + 1)), "line {} lost: {line:?}", i + 1);
                }
            }
        }

        proptest! {
            #[test]
            fn never_panics_and_accounts_for_every_line(text in any::<String>()) {
                accounted(&text);
            }

            #[test]
            fn chat_like_input(lines in prop::collection::vec(
                prop_oneof![
                    "[0-9]{1,2}:[0-9]{2}(:[0-9]{2})? (From )?[a-zé ]{0,8}( to [A-Za-z]{0,8})?(\\(privately\\))? ?: ?[a-z?]{0,5}",
                    "\\[?[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2,4},? [0-9]{1,2}:[0-9]{2} ?([AaPp]\\.?[Mm]\\.?)?\\]? ?-? ?[a-z]{0,4}:? ?[a-z]{0,4}",
                    "\\[[0-9]{1,2}:[0-9]{2}( [AP]M)?\\] [a-z\u{200B}\u{202B}]{0,6}",
                    "[ \t]*[a-z?]{0,6}",
                    "\\PC{0,12}",
                ],
                0..12,
            ), crlf in any::<bool>()) {
                accounted(&lines.join(if crlf { "\r\n" } else { "\n" }));
            }
        }
    }
}
