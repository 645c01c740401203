//! Shortcut matching for the presenter's one-key commands.
//!
//! egui's own `consume_key` matches modifiers loosely (Shift and Alt are ignored unless asked
//! for), so plain Q also fired on Shift+Q and a plain arrow on Alt+arrow, and it reports three
//! quick presses in one frame as one. Here modifiers must match exactly, every press counts,
//! and digits match on the physical key: Shift+1 arrives as `!` on a US keyboard, and the
//! digit row needs Shift on a Belgian (AZERTY) one.

use egui::{Event, Key, Modifiers};

/// How many times `key` was pressed this frame with exactly `modifiers`; those presses are
/// consumed so no other handler sees them.
pub fn presses(ctx: &egui::Context, modifiers: Modifiers, key: Key) -> usize {
    ctx.input_mut(|i| {
        let mut count = 0;
        i.events.retain(|event| {
            let hit = is_press(event, modifiers, key);
            count += usize::from(hit);
            !hit
        });
        count
    })
}

/// Whether `key` was pressed at least once this frame with exactly `modifiers` (consumed).
pub fn pressed(ctx: &egui::Context, modifiers: Modifiers, key: Key) -> bool {
    presses(ctx, modifiers, key) > 0
}

/// Whether `key` was pressed this frame with exactly `modifiers`, left for the widgets to see.
pub fn sees(ctx: &egui::Context, modifiers: Modifiers, key: Key) -> bool {
    ctx.input(|i| i.events.iter().any(|e| is_press(e, modifiers, key)))
}

/// Drops this frame's typed text, so the key that opened a text field is not typed into it.
pub fn swallow_text(ctx: &egui::Context) {
    ctx.input_mut(|i| i.events.retain(|e| !matches!(e, Event::Text(_))));
}

fn is_press(event: &Event, modifiers: Modifiers, key: Key) -> bool {
    let Event::Key {
        key: logical,
        physical_key,
        pressed: true,
        modifiers: held,
        ..
    } = event
    else {
        return false;
    };
    let same_key = *logical == key || (is_digit(key) && *physical_key == Some(key));
    same_key && same_modifiers(*held, modifiers)
}

fn same_modifiers(a: Modifiers, b: Modifiers) -> bool {
    let command = |m: Modifiers| m.ctrl || m.command || m.mac_cmd;
    a.shift == b.shift && a.alt == b.alt && command(a) == command(b)
}

fn is_digit(key: Key) -> bool {
    matches!(
        key,
        Key::Num0
            | Key::Num1
            | Key::Num2
            | Key::Num3
            | Key::Num4
            | Key::Num5
            | Key::Num6
            | Key::Num7
            | Key::Num8
            | Key::Num9
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_event(key: Key, physical: Option<Key>, modifiers: Modifiers) -> Event {
        Event::Key {
            key,
            physical_key: physical,
            pressed: true,
            repeat: false,
            modifiers,
        }
    }

    fn with_events(events: Vec<Event>, f: impl Fn(&egui::Context)) {
        let ctx = egui::Context::default();
        let input = egui::RawInput {
            events,
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| f(ui.ctx()));
        output.textures_delta.clear();
    }

    #[test]
    fn shift_does_not_fire_the_plain_shortcut() {
        with_events(vec![key_event(Key::Q, None, Modifiers::SHIFT)], |ctx| {
            assert!(!pressed(ctx, Modifiers::NONE, Key::Q));
            assert!(pressed(ctx, Modifiers::SHIFT, Key::Q));
        });
    }

    #[test]
    fn alt_arrow_is_not_a_plain_arrow() {
        with_events(vec![key_event(Key::ArrowUp, None, Modifiers::ALT)], |ctx| {
            assert!(!pressed(ctx, Modifiers::NONE, Key::ArrowUp));
            assert!(pressed(ctx, Modifiers::ALT, Key::ArrowUp));
        });
    }

    #[test]
    fn shifted_digit_matches_on_the_physical_key() {
        let bang = key_event(Key::Exclamationmark, Some(Key::Num1), Modifiers::SHIFT);
        with_events(vec![bang], |ctx| {
            assert!(!pressed(ctx, Modifiers::NONE, Key::Num1));
            assert_eq!(presses(ctx, Modifiers::SHIFT, Key::Num1), 1);
        });
    }

    #[test]
    fn every_press_in_a_frame_counts_once() {
        let one = key_event(Key::Num1, Some(Key::Num1), Modifiers::NONE);
        with_events(vec![one.clone(), one.clone(), one], |ctx| {
            assert_eq!(presses(ctx, Modifiers::NONE, Key::Num1), 3);
            assert_eq!(presses(ctx, Modifiers::NONE, Key::Num1), 0, "consumed");
        });
    }
}
