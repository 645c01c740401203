//! The presenter's live panel: start and stop live voting, the join address large with its QR,
//! how many phones are connected, whether voting is open, the network the address is on, and
//! a self-test in plain words of what keeps phones from reaching the laptop.

use super::OpenSession;
use crate::live::network::{Finding, Kind};
use crate::ui::commands::Command;
use crate::ui::request::Request;
use crate::ui::texts::Texts;
use crate::ui::widgets;
use egui::RichText;

pub(super) fn live_panel(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui) -> Vec<Request> {
    let mut requests = Vec::new();
    let lt = &t.live;
    // Not running: the side panel's button starts it, and no panel takes room.
    let Some(live) = &mut open.live else {
        return requests;
    };
    egui::Panel::right("live")
        .default_size(240.0)
        .show(ui, |ui| {
            ui.heading(format!("📱 {}", lt.heading));
            egui::ScrollArea::vertical()
                .id_salt("live-scroll")
                .show(ui, |ui| {
                    let url = live.short_url();
                    ui.label(lt.join);
                    ui.label(
                        RichText::new(url.trim_start_matches("http://"))
                            .size(24.0)
                            .strong()
                            .monospace(),
                    );
                    let side = ui.available_width().min(220.0);
                    widgets::qr(ui, &live.join_url(), side);
                    ui.label(
                        RichText::new((lt.connected)(live.link.server().connected())).size(18.0),
                    );
                    let question = live.link.published().is_some_and(|r| r.round.is_some());
                    let (state, button) = if !question {
                        (lt.no_question, None)
                    } else if live.view.open {
                        (lt.voting_open, Some(lt.close_voting))
                    } else {
                        (lt.voting_closed, Some(lt.reopen_voting))
                    };
                    ui.strong(state);
                    ui.horizontal_wrapped(|ui| {
                        if let Some(button) = button
                            && ui
                                .button(button)
                                .on_hover_text(Command::Voting.hint(button))
                                .clicked()
                        {
                            live.view.open = !live.view.open;
                        }
                        if ui
                            .selectable_label(open.view.join_code, lt.join_code)
                            .on_hover_text(Command::JoinCode.hint(lt.join_code))
                            .clicked()
                        {
                            open.view.join_code = !open.view.join_code;
                        }
                    });
                    if ui
                        .button(format!("■ {}", lt.stop))
                        .on_hover_text(Command::LiveMode.hint(lt.stop))
                        .clicked()
                    {
                        requests.push(Request::StopLive);
                    }
                    // A choice only when phones could use more than one network.
                    let reachable = live.networks.iter().filter(|n| n.kind != Kind::Loopback);
                    if live.link.server().address().ip().is_unspecified() && reachable.count() > 1 {
                        let shown = live.host();
                        let label = |n: &crate::live::network::Network| {
                            let mark = if n.kind == Kind::Physical { "" } else { " ⚠" };
                            format!("{} — {}{mark}", n.ip, n.name)
                        };
                        let selected = live
                            .networks
                            .iter()
                            .find(|n| Some(std::net::IpAddr::V4(n.ip)) == shown)
                            .map(label)
                            .unwrap_or_default();
                        ui.horizontal(|ui| {
                            ui.label(lt.network);
                            egui::ComboBox::from_id_salt("live-network")
                                .selected_text(selected)
                                .show_ui(ui, |ui| {
                                    for n in
                                        live.networks.iter().filter(|n| n.kind != Kind::Loopback)
                                    {
                                        let on = Some(std::net::IpAddr::V4(n.ip)) == shown;
                                        if ui.selectable_label(on, label(n)).clicked() {
                                            live.chosen = Some(n.ip);
                                        }
                                    }
                                });
                        });
                    }
                    for finding in live.findings() {
                        widgets::warning(
                            ui,
                            match finding {
                                Finding::OnlyLoopback => lt.only_loopback,
                                Finding::VirtualChosen => lt.virtual_chosen,
                                Finding::LoopbackBound => lt.loopback_bound,
                            },
                        );
                    }
                    ui.weak(lt.checklist);
                });
        });
    requests
}
