//! Session templates for "new from template", built into the binary (like the examples) so a
//! fresh install never reads the working directory. Each template exists in Dutch and English;
//! the text is ours, written as a starting point a facilitator edits, not as a finished event.

use crate::model::{Id, IdSource, Language, Session};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::Path;

/// The kinds of session a facilitator starts from, in the order the start screen lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Template {
    /// A workshop that votes on a few propositions, before and after talking.
    PropositionWorkshop,
    /// Tables write improvement proposals, give each other carousel feedback, then commit.
    TableGroups,
    /// Subgroups write one statement per theme.
    SubgroupThemes,
    /// Updates, reactions in the chat, a call for volunteers and the next date.
    OnlineFeedback,
    /// Nothing but a title.
    Blank,
}

impl Template {
    pub const ALL: [Template; 5] = [
        Template::PropositionWorkshop,
        Template::TableGroups,
        Template::SubgroupThemes,
        Template::OnlineFeedback,
        Template::Blank,
    ];

    /// The template's RON text in `language`.
    pub fn text(self, language: Language) -> &'static str {
        use Language::*;
        use Template::*;
        match (self, language) {
            (PropositionWorkshop, Nl) => include_str!("templates/stellingenworkshop.nl.ron"),
            (PropositionWorkshop, En) => include_str!("templates/stellingenworkshop.en.ron"),
            (TableGroups, Nl) => include_str!("templates/tafelgroepen.nl.ron"),
            (TableGroups, En) => include_str!("templates/tafelgroepen.en.ron"),
            (SubgroupThemes, Nl) => include_str!("templates/subgroepen-themas.nl.ron"),
            (SubgroupThemes, En) => include_str!("templates/subgroepen-themas.en.ron"),
            (OnlineFeedback, Nl) => include_str!("templates/online-terugkoppeling.nl.ron"),
            (OnlineFeedback, En) => include_str!("templates/online-terugkoppeling.en.ron"),
            (Blank, Nl) => include_str!("templates/leeg.nl.ron"),
            (Blank, En) => include_str!("templates/leeg.en.ron"),
        }
    }

    /// The template exactly as shipped (with its placeholder ids); tests check that each loads.
    pub fn parse(self, language: Language) -> Result<Session, super::LoadError> {
        let name = format!("template {self:?} ({language:?})");
        super::parse(self.text(language), Path::new(&name))
    }

    /// A new session from the template: every id fresh (so two sessions made from one template
    /// never share ids, which would confuse a later merge) and the date set to `today`.
    pub fn instantiate(self, language: Language, today: NaiveDate) -> Session {
        let mut session = self
            .parse(language)
            .expect("shipped templates are checked by the tests");
        fresh_ids(&mut session);
        session.date = Some(today);
        session
    }
}

/// Gives every record a new random id, keeping references (tallies, statements, feedback,
/// reactions) pointing at the same records as before.
pub fn fresh_ids(session: &mut Session) {
    // A source seeded with the old ids, so no new id can collide with one not yet replaced.
    let mut source = IdSource::new(session);
    let mut map: HashMap<Id, Id> = HashMap::new();
    let mut new = |old: &mut Id| {
        *old = *map.entry(*old).or_insert_with(|| source.fresh());
    };
    new(&mut session.id);
    for g in &mut session.groups {
        new(&mut g.id);
    }
    for item in &mut session.agenda {
        new(&mut item.id);
        for o in &mut item.options {
            new(&mut o.id);
        }
        for t in &mut item.themes {
            new(&mut t.id);
        }
    }
    // References after every referenced record has its new id.
    let map = map;
    let mut source = IdSource::new(session);
    let mut fresh = || source.fresh();
    let re = |id: &mut Id| {
        if let Some(n) = map.get(id) {
            *id = *n;
        }
    };
    let re_opt = |id: &mut Option<Id>| {
        if let Some(id) = id {
            re(id);
        }
    };
    for item in &mut session.agenda {
        for round in &mut item.rounds {
            round.id = fresh();
            for t in &mut round.tallies {
                re(&mut t.option);
                re_opt(&mut t.group);
            }
            for r in &mut round.reactions {
                r.id = fresh();
                re_opt(&mut r.group);
            }
        }
        for p in &mut item.proposals {
            p.id = fresh();
            re_opt(&mut p.group);
            for a in &mut p.actions {
                a.id = fresh();
            }
            for f in &mut p.feedback {
                f.id = fresh();
                re_opt(&mut f.from_group);
            }
        }
        for c in &mut item.commitments {
            c.id = fresh();
        }
        for s in &mut item.statements {
            s.id = fresh();
            re(&mut s.theme);
            re_opt(&mut s.group);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    #[test]
    fn fresh_ids_keep_references_and_share_nothing_with_the_original() {
        for example in super::super::examples::EXAMPLES {
            check_fresh_ids(example.session().unwrap());
        }
        check_fresh_ids(crate::model::sample::large_session(3, 30));
    }

    fn check_fresh_ids(original: Session) {
        let mut copy = original.clone();
        fresh_ids(&mut copy);
        validate::session(&copy).unwrap();
        let old: std::collections::HashSet<Id> = original.all_ids().into_iter().collect();
        assert!(copy.all_ids().iter().all(|id| !old.contains(id)));
        // Same shape: every tally still counts the same option label in the same group name.
        for (a, b) in original.agenda.iter().zip(&copy.agenda) {
            assert_eq!(a.text, b.text);
            for (ra, rb) in a.rounds.iter().zip(&b.rounds) {
                for (ta, tb) in ra.tallies.iter().zip(&rb.tallies) {
                    let label = |item: &crate::model::Item, id| {
                        let i = item.option_index(id).unwrap();
                        item.options[i].label.clone()
                    };
                    assert_eq!(label(a, ta.option), label(b, tb.option));
                    assert_eq!(original.group_name(ta.group), copy.group_name(tb.group));
                    assert_eq!(ta.count, tb.count);
                }
            }
            for (sa, sb) in a.statements.iter().zip(&b.statements) {
                let theme = |item: &crate::model::Item, id| {
                    let t = item.themes.iter().find(|t| t.id == id);
                    t.unwrap().name.clone()
                };
                assert_eq!(theme(a, sa.theme), theme(b, sb.theme));
            }
        }
    }

    #[test]
    fn two_sessions_from_one_template_share_no_id() {
        let today = NaiveDate::from_ymd_opt(2027, 1, 23).unwrap();
        let a = Template::TableGroups.instantiate(Language::Nl, today);
        let b = Template::TableGroups.instantiate(Language::Nl, today);
        let ids: std::collections::HashSet<Id> = a.all_ids().into_iter().collect();
        assert!(b.all_ids().iter().all(|id| !ids.contains(id)));
        assert_eq!(a.date, Some(today));
    }
}
