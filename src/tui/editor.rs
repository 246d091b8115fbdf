//! Overlays that take input: one-line prompts (sleep, aid, dose, first-run
//! answers), the note editor, the day's aids list, yes/no questions and the
//! first-run welcome, and how keys are handled while one is open — including
//! "When to get help", which scrolls and can open over the others. Input that does not validate keeps
//! the overlay open with the reason, so nothing typed is lost.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

use super::app::App;
use crate::dates::parse_moment;
use crate::journal::edit::DayChange;
use crate::journal::{Aid, Days, Dose, Grams, Hours, InputError, Journal, Mode, format_number, plan};

/// What is drawn over the screen, if anything.
pub enum Overlay {
    Help,
    GetHelp(GetHelp),
    Prompt(Prompt),
    Note(NoteEditor),
    Aids(AidList),
    Confirm(Confirm),
    FirstRun(FirstRun),
    /// Facts for attention that a change just brought (safety spec): shown
    /// at once, over whatever was open, until dismissed.
    Attention(Attention),
}

/// New flags, over what was open when they came, which comes back after.
pub struct Attention {
    pub facts: Vec<String>,
    pub under: Option<Box<Overlay>>,
}

/// "When to get help", scrolled to a line, over whatever was open when `!`
/// was pressed (the welcome, say), which comes back when it closes.
pub struct GetHelp {
    pub scroll: u16,
    pub under: Option<Box<Overlay>>,
}

/// The aids of one day, one of them chosen: `a` adds, `x` deletes.
pub struct AidList {
    pub date: NaiveDate,
    pub chosen: usize,
}

/// What a one-line prompt is asking for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Sleep(NaiveDate),
    Aid(NaiveDate),
    Dose { date: NaiveDate, replace: Option<usize> },
    LastUse,
    UsualAmount,
    NewPlan,
    HoldPlan,
    RestepPlan,
}

pub struct Prompt {
    pub purpose: Purpose,
    pub input: TextArea<'static>,
    pub error: Option<String>,
}

pub struct NoteEditor {
    pub date: NaiveDate,
    pub text: TextArea<'static>,
    pub for_provider: bool,
}

pub struct Confirm {
    pub question: String,
    pub on_yes: Confirmed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmed {
    DeleteDose(usize),
    DeleteAid { date: NaiveDate, index: usize },
    ClearPlan,
    QuitUnsaved,
    Print,
}

/// The welcome: only what is needed, every question skippable.
pub struct FirstRun {
    pub step: Step,
    pub prompt: Option<Prompt>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Mode,
    LastUse,
    Amount,
    /// Whose numbers "When to get help" gives.
    Country,
}

impl FirstRun {
    /// The last question: the usual daily amount.
    fn ask_amount() -> Self {
        FirstRun { step: Step::Amount, prompt: Some(Prompt::new(Purpose::UsualAmount, None)) }
    }
}

impl Purpose {
    pub fn title(self) -> String {
        match self {
            Purpose::Sleep(date) => format!("Hours of sleep the night before {date}"),
            Purpose::Aid(date) => format!("An aid taken on {date}"),
            Purpose::Dose { date, replace: None } => format!("A dose on {date}"),
            Purpose::Dose { replace: Some(_), .. } => "Change this dose".to_owned(),
            Purpose::LastUse => "When was your last dose?".to_owned(),
            Purpose::UsualAmount => "Your usual daily amount, in grams (optional)".to_owned(),
            Purpose::NewPlan => "A new taper plan, starting today".to_owned(),
            Purpose::HoldPlan => "Hold the current step longer".to_owned(),
            Purpose::RestepPlan => "Change the step size from today".to_owned(),
        }
    }

    pub fn hint(self) -> &'static str {
        match self {
            Purpose::Sleep(_) => "A number from 0 to 24, e.g. 5.5 · an empty line clears it",
            Purpose::Aid(_) => {
                "Name and amount: loperamide 4 mg, imodium 2 tablets, 2 x 200 mg, 400 mcg · Tab completes a name used before"
            }
            Purpose::Dose { .. } => "Grams, then the time: 1.5 08:30 (no time: now today, noon on an earlier day)",
            Purpose::LastUse => "YYYY-MM-DD HH:MM or HH:MM",
            Purpose::UsualAmount => "e.g. 6 — Enter on an empty line skips",
            Purpose::NewPlan => {
                "FROM STEP EVERY [FLOOR]: 6 10% 7 1 = from 6 g/day, 10 % off every 7 days, down to 1 g, then stop"
            }
            Purpose::HoldPlan => "How many more days, e.g. 3",
            Purpose::RestepPlan => "A share of the current amount (10%) or grams (0.25)",
        }
    }
}

impl Prompt {
    pub fn new(purpose: Purpose, prefill: Option<&str>) -> Self {
        let mut input = TextArea::new(vec![prefill.unwrap_or_default().to_owned()]);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        Self { purpose, input, error: None }
    }

    pub fn text(&self) -> String {
        self.input.lines().join(" ")
    }
}

impl Overlay {
    pub fn first_run() -> Self {
        Overlay::FirstRun(FirstRun { step: Step::Mode, prompt: None })
    }

    /// The day's aids; with none logged that day, the prompt to add one.
    pub fn aids(journal: &Journal, date: NaiveDate) -> Self {
        if journal.day(date).is_some_and(|d| !d.aids.is_empty()) {
            Overlay::Aids(AidList { date, chosen: 0 })
        } else {
            Overlay::Prompt(Prompt::new(Purpose::Aid(date), None))
        }
    }

    pub fn note(journal: &Journal, date: NaiveDate) -> Self {
        let note = journal.day(date).and_then(|d| d.note.as_ref());
        let lines = note.map_or_else(|| vec![String::new()], |n| n.text.lines().map(str::to_owned).collect());
        let mut text = TextArea::new(lines);
        text.move_cursor(ratatui_textarea::CursorMove::Bottom);
        text.move_cursor(ratatui_textarea::CursorMove::End);
        Overlay::Note(NoteEditor { date, text, for_provider: note.is_some_and(|n| n.for_provider) })
    }
}

/// Aid names the person has used, most used first, that start with `typed`.
pub fn aid_suggestions(journal: &Journal, typed: &str) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for day in journal.days().values() {
        for aid in &day.aids {
            *counts.entry(aid.name.as_str()).or_default() += 1;
        }
    }
    let typed = typed.trim().to_lowercase();
    let mut names: Vec<(&str, usize)> = counts.into_iter().filter(|(name, _)| name.starts_with(&typed)).collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    names.into_iter().map(|(name, _)| name.to_owned()).collect()
}

fn is_ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

impl App {
    /// Opens "When to get help" over whatever is open (kept underneath).
    pub fn open_get_help(&mut self) {
        let under = match self.overlay.take() {
            Some(Overlay::GetHelp(view)) => {
                self.overlay = Some(Overlay::GetHelp(view));
                return;
            }
            // Help closes on any key anyway; there is nothing to go back to.
            Some(Overlay::Help) | None => None,
            Some(other) => Some(Box::new(other)),
        };
        self.overlay = Some(Overlay::GetHelp(GetHelp { scroll: 0, under }));
    }

    pub(super) fn on_overlay_key(&mut self, key: KeyEvent) {
        let Some(overlay) = self.overlay.take() else { return };
        let bang = key.code == KeyCode::Char('!') && !key.modifiers.contains(KeyModifiers::CONTROL);
        self.overlay = match overlay {
            // `!` works wherever it cannot be text being typed.
            Overlay::FirstRun(first) if bang && first.prompt.is_none() => {
                self.overlay = Some(Overlay::FirstRun(first));
                self.open_get_help();
                return;
            }
            Overlay::Help if bang => {
                self.open_get_help();
                return;
            }
            Overlay::GetHelp(view) => {
                self.on_get_help_key(view, key);
                return;
            }
            Overlay::Help if is_ctrl(&key, 'c') => {
                self.request_quit();
                None
            }
            Overlay::Help => None,
            Overlay::Confirm(confirm) => self.on_confirm_key(confirm, key),
            Overlay::Prompt(prompt) => self.on_prompt_key(prompt, key).map(Overlay::Prompt),
            Overlay::Note(editor) => self.on_note_key(editor, key).map(Overlay::Note),
            Overlay::Aids(list) => self.on_aids_key(list, key),
            Overlay::FirstRun(first) => self.on_first_run_key(first, key).map(Overlay::FirstRun),
            Overlay::Attention(attention) if bang => {
                self.overlay = Some(Overlay::Attention(attention));
                self.open_get_help();
                return;
            }
            Overlay::Attention(_) if is_ctrl(&key, 'c') => {
                self.request_quit();
                None
            }
            // Read on purpose: only Enter, Esc or Space closes it.
            Overlay::Attention(attention) => match key.code {
                KeyCode::Enter | KeyCode::Esc | KeyCode::Char(' ') => attention.under.map(|o| *o),
                _ => Some(Overlay::Attention(attention)),
            },
        };
    }

    /// Shows the facts a change brought, over whatever is open.
    pub(super) fn show_attention(&mut self) {
        if self.attention.is_empty() {
            return;
        }
        let facts = std::mem::take(&mut self.attention);
        let under = self.overlay.take().map(Box::new);
        self.overlay = Some(Overlay::Attention(Attention { facts, under }));
    }

    /// Arrows, j/k and the page keys scroll; any other key closes and brings
    /// back what was open underneath. Ctrl-C goes to that overlay, so a note
    /// being written is saved before quitting.
    fn on_get_help_key(&mut self, mut view: GetHelp, key: KeyEvent) {
        let page = super::view::get_help_page(self);
        let last = super::view::get_help_max_scroll(self);
        let scroll = match key.code {
            _ if key.modifiers.contains(KeyModifiers::CONTROL) && key.code != KeyCode::Char('c') => None,
            KeyCode::Up | KeyCode::Char('k') => Some(view.scroll.saturating_sub(1)),
            KeyCode::Down | KeyCode::Char('j') => Some(view.scroll.saturating_add(1)),
            KeyCode::PageUp => Some(view.scroll.saturating_sub(page)),
            KeyCode::PageDown => Some(view.scroll.saturating_add(page)),
            KeyCode::Home => Some(0),
            KeyCode::End => Some(last),
            _ => None,
        };
        if let Some(scroll) = scroll {
            view.scroll = scroll.min(last);
            self.overlay = Some(Overlay::GetHelp(view));
            return;
        }
        self.overlay = view.under.map(|under| *under);
        if is_ctrl(&key, 'c') {
            if self.overlay.is_some() {
                self.on_overlay_key(key);
            } else {
                self.request_quit();
            }
        }
    }

    fn on_confirm_key(&mut self, confirm: Confirm, key: KeyEvent) -> Option<Overlay> {
        match key.code {
            KeyCode::Char('y' | 'Y') => {
                match confirm.on_yes {
                    Confirmed::QuitUnsaved => self.quit = true,
                    Confirmed::Print => self.print_summary(),
                    Confirmed::ClearPlan => {
                        self.change(|j, now| {
                            j.clear_plan(now).map(|()| "Cleared the plan; its history is kept.".to_owned())
                        });
                    }
                    Confirmed::DeleteAid { date, index } => {
                        self.change(|j, _| {
                            j.remove_aid_entry(date, index).map(|a| format!("Deleted the aid {}.", a.entry_text()))
                        });
                        // Back to the list while the day has aids left.
                        return self.journal.day(date).filter(|d| !d.aids.is_empty()).map(|d| {
                            Overlay::Aids(AidList { date, chosen: index.min(d.aids.len().saturating_sub(1)) })
                        });
                    }
                    Confirmed::DeleteDose(index) => {
                        self.change(|j, _| {
                            j.remove_dose(index).map(|d| {
                                format!("Deleted the dose of {} g at {}.", format_number(d.grams), d.at.format("%H:%M"))
                            })
                        });
                        self.dose = self.dose.saturating_sub(1);
                    }
                }
                None
            }
            KeyCode::Char('n' | 'N') | KeyCode::Esc => match confirm.on_yes {
                // Not deleted after all: back to the list it was asked from.
                Confirmed::DeleteAid { date, index } => Some(Overlay::Aids(AidList { date, chosen: index })),
                _ => None,
            },
            _ => Some(Overlay::Confirm(confirm)),
        }
    }

    /// Keys in the day's aids list: ↑ ↓ choose, `a` add, `x` delete (after
    /// asking), Esc close.
    fn on_aids_key(&mut self, mut list: AidList, key: KeyEvent) -> Option<Overlay> {
        let count = self.journal.day(list.date).map_or(0, |d| d.aids.len());
        list.chosen = list.chosen.min(count.saturating_sub(1));
        match key.code {
            _ if is_ctrl(&key, 'c') => {
                self.request_quit();
                None
            }
            KeyCode::Esc | KeyCode::Char('q') => None,
            KeyCode::Up | KeyCode::Char('k') => {
                list.chosen = list.chosen.saturating_sub(1);
                Some(Overlay::Aids(list))
            }
            KeyCode::Down | KeyCode::Char('j') => {
                list.chosen = (list.chosen + 1).min(count.saturating_sub(1));
                Some(Overlay::Aids(list))
            }
            KeyCode::Char('a') => Some(Overlay::Prompt(Prompt::new(Purpose::Aid(list.date), None))),
            KeyCode::Char('x') | KeyCode::Delete | KeyCode::Backspace => {
                let aid = self.journal.day(list.date).and_then(|d| d.aids.get(list.chosen));
                aid.map(|aid| {
                    Overlay::Confirm(Confirm {
                        question: format!("Delete the aid {} of {}?", aid.entry_text(), list.date.format("%a %-d %b")),
                        on_yes: Confirmed::DeleteAid { date: list.date, index: list.chosen },
                    })
                })
            }
            _ => Some(Overlay::Aids(list)),
        }
    }

    /// Keys in a one-line prompt; returns the prompt if it stays open.
    fn on_prompt_key(&mut self, mut prompt: Prompt, key: KeyEvent) -> Option<Prompt> {
        match key.code {
            KeyCode::Esc => None,
            KeyCode::Enter => {
                let text = prompt.text();
                match self.submit(prompt.purpose, &text) {
                    Ok(()) => None,
                    Err(reason) => {
                        prompt.error = Some(reason);
                        Some(prompt)
                    }
                }
            }
            KeyCode::Tab if matches!(prompt.purpose, Purpose::Aid(_)) => {
                if let Some(name) = aid_suggestions(&self.journal, &prompt.text()).first() {
                    prompt.input = TextArea::new(vec![format!("{name} ")]);
                    prompt.input.move_cursor(ratatui_textarea::CursorMove::End);
                }
                Some(prompt)
            }
            _ if is_ctrl(&key, 'c') => {
                self.request_quit();
                None
            }
            _ => {
                prompt.input.input(key);
                prompt.error = None;
                Some(prompt)
            }
        }
    }

    /// Checks and applies what a prompt gathered; `Err` keeps it open.
    fn submit(&mut self, purpose: Purpose, text: &str) -> Result<(), String> {
        // A refused or unsaved change is explained in the status line by
        // `App::change`; the prompt closes either way once the text parses.
        let text = text.trim();
        match purpose {
            Purpose::Sleep(date) if text.is_empty() => {
                // An empty line clears the night's sleep, if there was one.
                if self.journal.day(date).is_some_and(|d| d.sleep.is_some()) {
                    let change = DayChange { clear_sleep: true, ..DayChange::default() };
                    self.change(|j, now| j.log_day(date, &change, now).map(|()| "Sleep: not recorded.".to_owned()));
                }
            }
            Purpose::Sleep(date) => {
                let hours = text.parse::<Hours>().map_err(|e| e.to_string())?.get();
                let change = DayChange { sleep: Some(hours), ..DayChange::default() };
                self.change(|j, now| {
                    j.log_day(date, &change, now).map(|()| format!("Sleep: {} h.", format_number(hours)))
                });
            }
            Purpose::Aid(date) => {
                let aid = text.parse::<Aid>().map_err(|e| e.to_string())?;
                let said = format!("Aid: {}.", aid.saved_text());
                let change = DayChange { aids: vec![aid], ..DayChange::default() };
                self.change(|j, now| j.log_day(date, &change, now).map(|()| said));
            }
            Purpose::Dose { date, replace } => {
                let dose = self.parse_dose(date, replace, text)?;
                let said = format!("Dose: {} g at {}.", format_number(dose.grams), dose.at.format("%Y-%m-%d %H:%M"));
                self.change(|j, now| match replace {
                    Some(index) => j.replace_dose(index, dose, now).map(|()| said),
                    None => j.add_dose(dose, now).map(|()| said),
                });
            }
            Purpose::LastUse => {
                let at = parse_moment(text, self.now, "the last dose").map_err(|e| e.to_string())?;
                self.change(|j, now| {
                    j.mark_last_use(at, now).map(|()| format!("Last dose: {}.", at.format("%Y-%m-%d %H:%M")))
                });
            }
            Purpose::NewPlan => {
                let words: Vec<&str> = text.split_whitespace().collect();
                let [from, step, every, rest @ ..] = words.as_slice() else {
                    return Err("give FROM STEP EVERY, e.g. 6 10% 7 (and the floor if you like: 6 10% 7 1)".to_owned());
                };
                let request = plan::PlanRequest {
                    from: Some(from.parse().map_err(|e: InputError| e.to_string())?),
                    cut: step.parse().map_err(|e: InputError| e.to_string())?,
                    every: every.parse().map_err(|e: InputError| e.to_string())?,
                    start: self.now.date_naive(),
                    floor: rest.first().map(|f| f.parse()).transpose().map_err(|e: InputError| e.to_string())?,
                    round: None,
                };
                let spec = self.journal.plan_spec(request).map_err(|e| e.to_string())?;
                let mut warnings = Vec::new();
                self.change(|j, now| {
                    warnings = j.new_plan(spec, now)?;
                    Ok("Made a new taper plan.".to_owned())
                });
                if !warnings.is_empty() {
                    self.warn(&format!("Saved. Worth a second look: {}.", warnings.join("; ")));
                }
            }
            Purpose::HoldPlan => {
                let days = text.parse::<Days>().map_err(|e| e.to_string())?;
                self.change(|j, now| {
                    j.hold_plan(days, now).map(|()| format!("Held the current step {days} days longer."))
                });
            }
            Purpose::RestepPlan => {
                let cut = text.parse::<plan::Cut>().map_err(|e| e.to_string())?;
                let mut warnings = Vec::new();
                self.change(|j, now| {
                    warnings = j.restep_plan(cut, now)?;
                    Ok(format!("Changed the step to {text} from today."))
                });
                if !warnings.is_empty() {
                    self.warn(&format!("Saved. Worth a second look: {}.", warnings.join("; ")));
                }
            }
            Purpose::UsualAmount if text.is_empty() => {}
            Purpose::UsualAmount => {
                let grams = text.parse::<Grams>().map_err(|e| e.to_string())?.get();
                self.change(|j, now| {
                    j.set_usual_daily_grams(Some(grams), now)
                        .map(|()| format!("Usual amount: {} g a day.", format_number(grams)))
                });
            }
        }
        Ok(())
    }

    /// `GRAMS [TIME]` for a day: the time defaults to now today, or noon on an
    /// earlier day.
    fn parse_dose(&self, date: NaiveDate, replace: Option<usize>, text: &str) -> Result<Dose, String> {
        let (grams_text, time_text) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
        let grams = grams_text.parse::<Grams>().map_err(|e| e.to_string())?.get();
        let at = if !time_text.trim().is_empty() {
            let time_text = time_text.trim();
            // A bare HH:MM belongs to the day on screen.
            let full = if chrono::NaiveTime::parse_from_str(time_text, "%H:%M").is_ok() {
                format!("{date} {time_text}")
            } else {
                time_text.to_owned()
            };
            parse_moment(&full, self.now, "the dose time").map_err(|e| e.to_string())?
        } else if date == self.now.date_naive() {
            self.now
        } else {
            crate::analysis::noon(date, *self.now.offset())
        };
        // A changed dose keeps its form and note.
        let kept = replace.and_then(|i| self.journal.doses().get(i));
        Ok(Dose { at, grams, form: kept.and_then(|d| d.form), note: kept.and_then(|d| d.note.clone()) })
    }

    /// Keys in the note editor: Esc or Ctrl-S saves and closes, Tab toggles
    /// "for my provider", Ctrl-L empties it (saved empty, the note is
    /// removed; Ctrl-U undoes), Ctrl-C saves and quits.
    fn on_note_key(&mut self, mut editor: NoteEditor, key: KeyEvent) -> Option<NoteEditor> {
        let done = key.code == KeyCode::Esc || is_ctrl(&key, 's');
        if done || is_ctrl(&key, 'c') {
            let text = editor.text.lines().join("\n");
            let (date, provider) = (editor.date, editor.for_provider);
            let unchanged = self
                .journal
                .day(date)
                .and_then(|d| d.note.as_ref())
                .map_or(text.trim().is_empty(), |n| n.text == text.trim() && n.for_provider == provider);
            if !unchanged {
                let said = if text.trim().is_empty() { "Note removed." } else { "Note saved." };
                let saved = self.change(|j, now| j.set_note(date, &text, provider, now).map(|()| said.to_owned()));
                if !saved && self.read_only.is_none() {
                    return Some(editor);
                }
            }
            if is_ctrl(&key, 'c') {
                self.request_quit();
            }
            return None;
        }
        if key.code == KeyCode::Tab {
            editor.for_provider = !editor.for_provider;
        } else if is_ctrl(&key, 'l') {
            editor.text.clear();
        } else {
            editor.text.input(key);
        }
        Some(editor)
    }

    fn on_first_run_key(&mut self, mut first: FirstRun, key: KeyEvent) -> Option<FirstRun> {
        if is_ctrl(&key, 'c') {
            self.request_quit();
            return None;
        }
        if let Some(prompt) = first.prompt.take() {
            let purpose = prompt.purpose;
            first.prompt = self.on_prompt_key(prompt, key);
            if first.prompt.is_none() {
                // Answered (Enter) or skipped (Esc): on to the next question.
                return match purpose {
                    Purpose::LastUse => Some(FirstRun::ask_amount()),
                    _ => Some(FirstRun { step: Step::Country, prompt: None }),
                };
            }
            return Some(first);
        }
        let today = self.now.date_naive();
        match (first.step, key.code) {
            (Step::Mode, KeyCode::Char('t')) => {
                self.change(|j, now| {
                    j.set_mode(Some(Mode::Tapering), now);
                    Ok("You are tapering.".to_owned())
                });
                Some(FirstRun::ask_amount())
            }
            (Step::Mode, KeyCode::Char('s')) => {
                self.change(|j, now| {
                    j.set_mode(Some(Mode::Stopped), now);
                    Ok("You have stopped.".to_owned())
                });
                Some(FirstRun { step: Step::LastUse, prompt: None })
            }
            (Step::LastUse, KeyCode::Char('1')) => Some(FirstRun {
                step: Step::LastUse,
                prompt: Some(Prompt::new(Purpose::LastUse, Some(&format!("{today} ")))),
            }),
            (Step::LastUse, KeyCode::Char('2')) => {
                let yesterday = today - chrono::Duration::days(1);
                Some(FirstRun {
                    step: Step::LastUse,
                    prompt: Some(Prompt::new(Purpose::LastUse, Some(&format!("{yesterday} ")))),
                })
            }
            (Step::LastUse, KeyCode::Char('3')) => {
                Some(FirstRun { step: Step::LastUse, prompt: Some(Prompt::new(Purpose::LastUse, None)) })
            }
            (Step::Mode | Step::LastUse, KeyCode::Enter | KeyCode::Esc) => Some(FirstRun::ask_amount()),
            (Step::Country, KeyCode::Char(digit @ '1'..='9')) => {
                let index = digit.to_digit(10).map_or(0, |d| d as usize - 1);
                let Some(country) = crate::get_help::countries().get(index) else { return Some(first) };
                self.change(|j, _| {
                    j.set_country(Some(&country.code))
                        .map(|_| format!("Help numbers for {}: press ! to see them.", country.in_name))
                });
                None
            }
            (Step::Country, KeyCode::Enter | KeyCode::Esc) => None,
            _ => Some(first),
        }
    }
}
