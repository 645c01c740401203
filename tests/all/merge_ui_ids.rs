//! The merge window when two different records in the copies share an id: it names both
//! files and records in the window's language, and "keep both" merges with one renumbered.

use crate::support;
use egui_kittest::kittest::Queryable;
use stelling::model::merge::split;
use stelling::model::{Id, Language, Stance};
use stelling::store;
use stelling::ui::merge_view::{self, Window};

#[test]
fn a_shared_id_is_named_and_keep_both_renumbers_one() {
    let dir = tempfile::tempdir().unwrap();
    let original =
        store::load(&support::example_copy(dir.path(), "stellingenworkshop.ron")).unwrap();
    let mut copies = split(&original);
    // The same id for a reaction under item 1 in one copy and under item 2 in the other, as
    // a reaction copied by hand from one file into the other would have.
    let shared = Id(0x0dd1_d000_0000_0001);
    for (copy, (item, text)) in copies
        .iter_mut()
        .zip([(0, "Eerst koffie"), (1, "Dan pas praten")])
    {
        copy.agenda[item].rounds[0]
            .reactions
            .push(support::reaction(shared, text, Stance::Neutral, None));
    }
    let files: Vec<_> = ["groep-een.ron", "groep-twee.ron"]
        .iter()
        .zip(&copies)
        .map(|(name, copy)| {
            let path = dir.path().join(name);
            store::save(&path, copy).unwrap();
            path
        })
        .collect();

    let mut app = support::app(Language::Nl);
    merge_view::merge_files(&mut app.merge, files);
    let mut h = support::harness(app);
    for text in [
        "hetzelfde id",
        "groep-een.ron: reactie “Eerst koffie” (punt 1)",
        "groep-twee.ron: reactie “Dan pas praten” (punt 2)",
    ] {
        assert!(
            h.query_by_label_contains(text).is_some(),
            "{text} is not shown"
        );
    }
    assert!(
        h.query_by_label_contains("Samengevoegde sessie opslaan")
            .is_none()
    );

    h.get_by_label("Beide bewaren, de tweede met een nieuw id")
        .click();
    h.run_steps(2);
    let Some(Window::Preview(preview)) = &h.state().merge.window else {
        panic!("the preview stays open");
    };
    let merged = preview.result.as_ref().expect("merged with a new id");
    let texts: Vec<&str> = merged
        .session
        .agenda
        .iter()
        .flat_map(|i| i.reactions())
        .map(|r| r.text.as_str())
        .collect();
    assert!(texts.contains(&"Eerst koffie") && texts.contains(&"Dan pas praten"));
    h.run_steps(2);
    assert!(h.query_by_label_contains("beide bewaard").is_some());
    assert!(
        h.query_by_label_contains("Samengevoegde sessie opslaan")
            .is_some()
    );
}
