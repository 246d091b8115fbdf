//! What a screen's keys do: move within the screen, open a pop-up, or ask
//! for a change to the journal (returned as a message, applied by `update`).

use chrono::{Duration, NaiveDate};

use crate::journal::format_number;
use crate::tui::action::{Action, SummaryFormat};
use crate::tui::change::Edit;
use crate::tui::model::{Model, Screen};
use crate::tui::msg::{Effect, Msg};
use crate::tui::popup::{
    AboutForm, AidList, Confirm, Confirmed, NoteEditor, Overlay, Prompt, Purpose, SelfCheck, dose_prefill,
};

/// How far Page Up and Page Down move on History.
const PAGE_DAYS: i64 = 14;

/// A screen's own action; what it asks of the journal or the loop comes
/// back as messages and effects.
pub fn on_action(model: &mut Model, action: Action) -> (Vec<Msg>, Vec<Effect>) {
    match model.screen {
        Screen::Today => (today(model, action), Vec::new()),
        Screen::Course | Screen::History => {
            days(model, action);
            (Vec::new(), Vec::new())
        }
        Screen::Doses => (doses(model, action), Vec::new()),
        Screen::Summary => (Vec::new(), summary(model, action)),
    }
}

fn today(model: &mut Model, action: Action) -> Vec<Msg> {
    let items = model.today_items();
    let count = items.len();
    model.item = model.item.min(count.saturating_sub(1));
    let Some(id) = items.get(model.item).cloned() else { return Vec::new() };
    let date = model.date;
    let label = model.journal.catalog().get(&id).map_or_else(|| id.clone(), |e| e.label.to_owned());
    let current = model.journal.day(date).and_then(|d| d.ratings.get(id.as_str())).map(|r| r.value);
    let rate = |value: u8| vec![Msg::Edit(Edit::Rate { date, id: id.clone(), label: label.clone(), value })];
    match action {
        Action::Up => model.item = model.item.saturating_sub(1),
        Action::Down => model.item = (model.item + 1).min(count.saturating_sub(1)),
        Action::Rate(value) => return rate(value),
        Action::Higher => return rate(current.map_or(0, |v| (v + 1).min(4))),
        Action::Lower => match current {
            Some(v) if v > 0 => return rate(v - 1),
            Some(_) => model.say("0 (none) is the lowest rating; x makes it not rated."),
            None => model.say("Not rated yet: press 0–4 or → to rate it."),
        },
        Action::Clear if current.is_some() => {
            return vec![Msg::Edit(Edit::Unrate { date, id: id.clone(), label: label.clone() })];
        }
        Action::PrevDay => model.date -= Duration::days(1),
        Action::NextDay => model.date = (model.date + Duration::days(1)).min(model.now.date_naive()),
        Action::EditSleep => {
            let hours = model.journal.day(date).and_then(|d| d.sleep).map(|s| format_number(s.hours));
            model.overlay = Some(Overlay::Prompt(Prompt::new(Purpose::Sleep(date), hours.as_deref())));
        }
        Action::EditNote => model.overlay = Some(NoteEditor::open(&model.journal, date)),
        Action::Aids => model.overlay = Some(AidList::open(&model.journal, date)),
        Action::AddDose => open_dose_prompt(model, date, None),
        Action::MarkLastDose => {
            let situation = model.situation();
            match situation.newest_dose.filter(|_| situation.ask_if_last) {
                Some(at) => return vec![Msg::Edit(Edit::MarkLastUse(at))],
                None => model
                    .warn("S marks the newest dose as your last when it is 12–48 hours old, and nothing says so yet."),
            }
        }
        _ => {}
    }
    Vec::new()
}

fn move_cursor(model: &mut Model, days: i64) {
    let (first, last) = model.day_bounds();
    model.cursor = (model.cursor + Duration::days(days)).clamp(first, last);
    model.dose = 0;
}

fn days(model: &mut Model, action: Action) {
    match action {
        Action::Left => move_cursor(model, -1),
        Action::Right => move_cursor(model, 1),
        Action::PageLeft => move_cursor(model, -PAGE_DAYS),
        Action::PageRight => move_cursor(model, PAGE_DAYS),
        Action::ToggleKinds => model.kinds = model.kinds.next(),
        Action::OpenDay => {
            model.date = model.cursor;
            model.screen = Screen::Today;
        }
        _ => {}
    }
}

fn doses(model: &mut Model, action: Action) -> Vec<Msg> {
    let on_day = model.doses_on(model.cursor);
    let count = on_day.len();
    let chosen = on_day.get(model.dose).map(|(i, d)| (*i, (*d).clone()));
    let plan = model.journal.plan().is_some();
    match action {
        Action::Left => move_cursor(model, -1),
        Action::Right => move_cursor(model, 1),
        Action::Up => model.dose = model.dose.saturating_sub(1),
        Action::Down => model.dose = (model.dose + 1).min(count.saturating_sub(1)),
        Action::AddDose => open_dose_prompt(model, model.cursor, None),
        Action::EditDose => match chosen {
            Some((index, dose)) => open_dose_prompt(model, model.cursor, Some((index, &dose_prefill(&dose)))),
            None => model.say("No dose on this day to change: a adds one."),
        },
        Action::NewPlan => {
            // The usual amount the person gave is the default start.
            let prefill = model.journal.settings().usual_daily_grams.map(|g| format!("{} 10% 7", format_number(g)));
            model.overlay = Some(Overlay::Prompt(Prompt::new(Purpose::NewPlan, prefill.as_deref())));
        }
        Action::NoDoseDay => {
            let date = model.cursor;
            let none = !model.journal.no_dose_days().contains(&date);
            return vec![Msg::Edit(Edit::NoDose { date, none })];
        }
        Action::HoldPlan | Action::RestepPlan | Action::ClearPlan if !plan => {
            model.say("There is no taper plan yet: p makes one.");
        }
        Action::HoldPlan => model.overlay = Some(Overlay::Prompt(Prompt::new(Purpose::HoldPlan, None))),
        Action::RestepPlan => model.overlay = Some(Overlay::Prompt(Prompt::new(Purpose::RestepPlan, None))),
        Action::ClearPlan => {
            model.overlay = Some(Overlay::Confirm(Confirm {
                question: "Clear the taper plan? Its history is kept.".into(),
                on_yes: Confirmed::ClearPlan,
            }));
        }
        Action::DeleteDose => match chosen {
            Some((index, dose)) => {
                model.overlay = Some(Overlay::Confirm(Confirm {
                    question: format!(
                        "Delete the dose of {} g at {}?",
                        format_number(dose.grams),
                        dose.at.format("%Y-%m-%d %H:%M")
                    ),
                    on_yes: Confirmed::DeleteDose(index),
                }));
            }
            None => model.say("No dose on this day to delete."),
        },
        _ => {}
    }
    Vec::new()
}

/// The dose prompt for a day: a new dose, or the one at `existing` (its
/// index in the journal and how it would be typed).
fn open_dose_prompt(model: &mut Model, date: NaiveDate, existing: Option<(usize, &str)>) {
    let purpose = Purpose::Dose { date, replace: existing.map(|(i, _)| i) };
    model.overlay = Some(Overlay::Prompt(Prompt::new(purpose, existing.map(|(_, text)| text))));
}

fn summary(model: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Up | Action::Down | Action::PageLeft | Action::PageRight | Action::Top | Action::Bottom => {
            // A page is the window's height less a line kept for context;
            // the end is the last line at the bottom, never past it.
            let last = crate::tui::view::summary_last_line(model);
            let page = model.body().height.saturating_sub(1).max(1);
            let at = model.summary_scroll.min(last);
            model.summary_scroll = match action {
                Action::Up => at.saturating_sub(1),
                Action::Down => at.saturating_add(1),
                Action::PageLeft => at.saturating_sub(page),
                Action::PageRight => at.saturating_add(page),
                Action::Top => 0,
                _ => last,
            }
            .min(last);
        }
        Action::WriteSummary(format) => return write_summary(model, format).into_iter().collect(),
        // A shared printer is seen by others: ask first, naming where it
        // goes (which takes asking the system, so the loop finds out).
        Action::PrintSummary => return vec![Effect::FindPrinter { command: model.print_cmd.clone() }],
        Action::EditHistory => model.overlay = Some(Overlay::About(AboutForm::open(&model.journal))),
        Action::SelfCheck => model.overlay = Some(Overlay::SelfCheck(SelfCheck::default())),
        _ => {}
    }
    Vec::new()
}

/// The summary as a file beside the journal, named for today.
/// (None, with a warning, if the PDF could not be made.)
fn write_summary(model: &mut Model, format: SummaryFormat) -> Option<Effect> {
    let summary = model.summary();
    let (bytes, extension) = match format {
        SummaryFormat::Text => (crate::report::text::render(&summary).into_bytes(), "txt"),
        SummaryFormat::Markdown => (crate::report::markdown::render(&summary).into_bytes(), "md"),
        SummaryFormat::Html => (crate::report::html::render(&summary).into_bytes(), "html"),
        SummaryFormat::Pdf => match crate::report::pdf::render(&summary, model.paper()) {
            Ok(bytes) => (bytes, "pdf"),
            Err(e) => {
                model.warn(&format!("Nothing was written: {e}."));
                return None;
            }
        },
    };
    let folder = model.journal_path.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
    let path = folder.join(format!("easeoff-summary-{}.{extension}", model.now.format("%Y-%m-%d")));
    Some(Effect::Write { path, bytes })
}
