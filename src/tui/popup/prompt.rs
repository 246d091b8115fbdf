//! One-line prompts: sleep, an aid, a dose, the last dose, the usual amount,
//! the history's text answers and the taper plan. Text that does not parse keeps the prompt open with
//! the reason, so nothing typed is lost; text that does becomes an `Edit`.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use super::{Ctx, Overlay, Reply, aid_suggestions, is_ctrl};
use crate::dates::parse_moment;
use crate::journal::about::{DosesADay, Field, UseLength, medicine};
use crate::journal::edit::AboutChange;
use crate::journal::{Aid, Days, Dose, Grams, Hours, InputError, format_number, plan};
use crate::tui::change::Edit;
use crate::tui::msg::Msg;

/// What a one-line prompt is asking for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Sleep(NaiveDate),
    Aid(NaiveDate),
    Dose {
        date: NaiveDate,
        replace: Option<usize>,
    },
    LastUse,
    UsualAmount,
    /// The history's text answers (`popup/about.rs`).
    UsedFor,
    DosesADay,
    Medicines,
    NewPlan,
    HoldPlan,
    RestepPlan,
}

pub struct Prompt {
    pub purpose: Purpose,
    pub input: TextArea<'static>,
    pub error: Option<String>,
}

impl Purpose {
    pub fn title(self) -> String {
        match self {
            Purpose::Sleep(date) => format!("Sleep the night before {}", date.format("%a %-d %b")),
            Purpose::Aid(date) => format!("An aid taken on {}", date.format("%a %-d %b")),
            Purpose::Dose { date, replace: None } => format!("A dose on {}", date.format("%a %-d %b")),
            Purpose::Dose { replace: Some(_), .. } => "Change this dose".to_owned(),
            Purpose::LastUse => "When was your last dose?".to_owned(),
            Purpose::UsualAmount => "Your usual daily amount (optional)".to_owned(),
            Purpose::UsedFor => "How long have you used kratom?".to_owned(),
            Purpose::DosesADay => "How many doses a day, before cutting down?".to_owned(),
            Purpose::Medicines => "Medicines prescribed to you".to_owned(),
            Purpose::NewPlan => "A new taper plan, starting today".to_owned(),
            Purpose::HoldPlan => "Hold the current step longer".to_owned(),
            Purpose::RestepPlan => "Change the step size from today".to_owned(),
        }
    }

    pub fn hint(self) -> &'static str {
        match self {
            Purpose::Sleep(_) => "Hours, from 0 to 24, e.g. 5.5 · an empty line clears it",
            Purpose::Aid(_) => {
                "Name and amount: loperamide 4 mg, imodium 2 tablets, 2 x 200 mg, 400 mcg · Tab completes a name used before"
            }
            Purpose::Dose { .. } => {
                "Grams, and the time if it was not just now: 1.5 or 1.5 08:30 (on an earlier day, no time means noon)"
            }
            Purpose::LastUse => "HH:MM, yesterday HH:MM or YYYY-MM-DD HH:MM, e.g. yesterday 21:30",
            Purpose::UsualAmount => "Grams a day, e.g. 6 — an empty line skips, or removes the answer",
            Purpose::UsedFor => {
                "Weeks, months or years, e.g. 3 years or 18 months — an empty line skips, or removes the answer"
            }
            Purpose::DosesADay => "A whole number, e.g. 3 — an empty line skips, or removes the answer",
            Purpose::Medicines => {
                "Names, separated by commas, e.g. clonidine, sertraline 50 mg; none if you take none — an empty line skips, or removes the answer"
            }
            Purpose::NewPlan => {
                "FROM STEP EVERY [FLOOR]: 6 10% 7 1 = from 6 g/day, 10 % off every 7 days, down to 1 g, then stop"
            }
            Purpose::HoldPlan => "How many more days, e.g. 3",
            Purpose::RestepPlan => "A share of the current amount (10%) or grams (0.25)",
        }
    }
}

impl Prompt {
    /// A prompt, holding `prefill` selected: typing replaces it, an arrow
    /// key keeps it to change.
    pub fn new(purpose: Purpose, prefill: Option<&str>) -> Self {
        let mut input = TextArea::new(vec![prefill.unwrap_or_default().to_owned()]);
        if prefill.is_some_and(|p| !p.trim().is_empty()) {
            input.select_all();
        } else {
            input.move_cursor(ratatui_textarea::CursorMove::End);
        }
        Self { purpose, input, error: None }
    }

    /// Pasted text on the one line: line breaks become spaces, so a paste
    /// never submits the prompt.
    #[must_use]
    pub fn paste(mut self, text: &str) -> Self {
        self.input.insert_str(text.split_whitespace().collect::<Vec<_>>().join(" "));
        self.error = None;
        self
    }

    /// A prompt with `typed` already typed, the cursor after it.
    pub fn typed(purpose: Purpose, typed: &str) -> Self {
        let mut input = TextArea::new(vec![typed.to_owned()]);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        Self { purpose, input, error: None }
    }

    pub fn text(&self) -> String {
        self.input.lines().join(" ")
    }

    /// Enter checks the text: parsed, the prompt closes with its change;
    /// refused, it stays open with the reason. Esc cancels; Tab completes an
    /// aid's name from those used before.
    pub fn key(mut self, key: KeyEvent, ctx: &Ctx) -> Reply {
        match key.code {
            KeyCode::Esc => Reply::close(),
            KeyCode::Enter => match self.submit(ctx) {
                Ok(msgs) => Reply::close_with(msgs),
                Err(reason) => {
                    self.error = Some(reason);
                    Reply::stay(Overlay::Prompt(self))
                }
            },
            KeyCode::Tab if matches!(self.purpose, Purpose::Aid(_)) => {
                if let Some(name) = aid_suggestions(ctx.journal, &self.text()).first() {
                    self.input = TextArea::new(vec![format!("{name} ")]);
                    self.input.move_cursor(ratatui_textarea::CursorMove::End);
                }
                Reply::stay(Overlay::Prompt(self))
            }
            _ if is_ctrl(&key, 'c') => Reply::close_with(vec![Msg::Quit]),
            _ => {
                self.input.input(key);
                self.error = None;
                Reply::stay(Overlay::Prompt(self))
            }
        }
    }

    /// The change the text asks for (none for an empty optional answer).
    fn submit(&self, ctx: &Ctx) -> Result<Vec<Msg>, String> {
        let text = self.text();
        let text = text.trim();
        let edit = match self.purpose {
            // An empty line clears the night's sleep, if there was one.
            Purpose::Sleep(date) if text.is_empty() => {
                ctx.journal.day(date).is_some_and(|d| d.sleep.is_some()).then_some(Edit::Sleep { date, hours: None })
            }
            Purpose::Sleep(date) => {
                Some(Edit::Sleep { date, hours: Some(text.parse::<Hours>().map_err(|e| e.to_string())?.get()) })
            }
            Purpose::Aid(date) => Some(Edit::AddAid { date, aid: text.parse::<Aid>().map_err(|e| e.to_string())? }),
            Purpose::Dose { date, replace } => {
                let dose = parse_dose(ctx, date, replace, text)?;
                Some(match replace {
                    Some(index) => Edit::ReplaceDose { index, dose },
                    None => Edit::AddDose(dose),
                })
            }
            Purpose::LastUse => {
                Some(Edit::MarkLastUse(parse_moment(text, ctx.now, "the last dose").map_err(|e| e.to_string())?))
            }
            Purpose::NewPlan => Some(Edit::NewPlan(plan_spec(ctx, text)?)),
            Purpose::HoldPlan => Some(Edit::HoldPlan(text.parse::<Days>().map_err(|e| e.to_string())?)),
            Purpose::RestepPlan => Some(Edit::RestepPlan {
                cut: text.parse::<plan::Cut>().map_err(|e| e.to_string())?,
                typed: text.to_owned(),
            }),
            Purpose::UsedFor | Purpose::DosesADay | Purpose::Medicines => about_answer(ctx, self.purpose, text)?,
            Purpose::UsualAmount if text.is_empty() => ctx
                .journal
                .settings()
                .usual_daily_grams
                .map(|_| Edit::About(AboutChange { clear: vec![Field::UsualAmount], ..AboutChange::default() })),
            Purpose::UsualAmount => {
                let grams = text.parse::<Grams>().map_err(|e| e.to_string())?.get();
                // Enter on the amount already recorded (the history's prefill) changes nothing.
                let same = ctx.journal.settings().usual_daily_grams.is_some_and(|g| (g - grams).abs() < 1e-9);
                (!same).then_some(Edit::UsualAmount(grams))
            }
        };
        Ok(edit.into_iter().map(Msg::Edit).collect())
    }
}

/// A text answer of the history as a change: none when the line says what
/// is already recorded, or is empty with nothing recorded; an empty line
/// over a recorded answer (the prefill deleted) removes it.
fn about_answer(ctx: &Ctx, purpose: Purpose, text: &str) -> Result<Option<Edit>, String> {
    let about = ctx.journal.about();
    if text.is_empty() {
        let recorded = match purpose {
            Purpose::UsedFor => about.used_for.is_some().then_some(Field::UsedFor),
            Purpose::DosesADay => about.doses_a_day.is_some().then_some(Field::DosesADay),
            _ => about.medicines.is_some().then_some(Field::Medicines),
        };
        return Ok(recorded.map(|field| Edit::About(AboutChange { clear: vec![field], ..AboutChange::default() })));
    }
    let words = |e: InputError| e.to_string();
    let change = match purpose {
        Purpose::UsedFor => {
            let length = text.parse::<UseLength>().map_err(words)?;
            let same = about.used_for.as_ref().is_some_and(|a| a.value == length);
            (!same).then(|| AboutChange { used_for: Some(length), ..AboutChange::default() })
        }
        Purpose::DosesADay => {
            let n = text.parse::<DosesADay>().map_err(words)?;
            let same = about.doses_a_day.as_ref().is_some_and(|a| a.value == n);
            (!same).then(|| AboutChange { doses_a_day: Some(n), ..AboutChange::default() })
        }
        _ => {
            let names: Vec<String> = if text.eq_ignore_ascii_case("none") {
                Vec::new()
            } else {
                text.split(',').map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned).collect()
            };
            let kept = names.iter().map(|n| medicine(n)).collect::<Result<Vec<_>, _>>().map_err(words)?;
            let same = about.medicines.as_ref().is_some_and(|a| a.value == kept);
            (!same).then(|| AboutChange { medicines: Some(names), ..AboutChange::default() })
        }
    };
    Ok(change.map(Edit::About))
}

/// `FROM STEP EVERY [FLOOR]`, starting today.
fn plan_spec(ctx: &Ctx, text: &str) -> Result<plan::PlanSpec, String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let [from, step, every, rest @ ..] = words.as_slice() else {
        return Err("give FROM STEP EVERY, e.g. 6 10% 7 (and the floor if you like: 6 10% 7 1)".to_owned());
    };
    let request = plan::PlanRequest {
        from: Some(from.parse().map_err(|e: InputError| e.to_string())?),
        cut: step.parse().map_err(|e: InputError| e.to_string())?,
        every: every.parse().map_err(|e: InputError| e.to_string())?,
        start: ctx.now.date_naive(),
        floor: rest.first().map(|f| f.parse()).transpose().map_err(|e: InputError| e.to_string())?,
        round: None,
    };
    ctx.journal.plan_spec(request).map_err(|e| e.to_string())
}

/// `GRAMS [TIME]` for a day: the time defaults to now today, or noon on an
/// earlier day. A changed dose keeps its form and note.
fn parse_dose(ctx: &Ctx, date: NaiveDate, replace: Option<usize>, text: &str) -> Result<Dose, String> {
    if text.is_empty() {
        return Err("type the amount in grams, e.g. 1.5, and the time if it was not just now: 1.5 08:30".to_owned());
    }
    let (grams_text, time_text) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let grams = grams_text.parse::<Grams>().map_err(|e| e.to_string())?.get();
    let time_text = time_text.trim();
    let at = if !time_text.is_empty() {
        // A bare HH:MM belongs to the day on screen.
        let full = if chrono::NaiveTime::parse_from_str(time_text, "%H:%M").is_ok() {
            format!("{date} {time_text}")
        } else {
            time_text.to_owned()
        };
        parse_moment(&full, ctx.now, "the dose time").map_err(|e| e.to_string())?
    } else if date == ctx.now.date_naive() {
        ctx.now
    } else {
        crate::analysis::noon(date, *ctx.now.offset())
    };
    let kept = replace.and_then(|i| ctx.journal.doses().get(i));
    Ok(Dose { at, grams, form: kept.and_then(|d| d.form), note: kept.and_then(|d| d.note.clone()) })
}

/// The prefill of a dose prompt: the dose being changed, as it would be typed.
pub fn dose_prefill(dose: &Dose) -> String {
    format!("{} {}", format_number(dose.grams), dose.at.format("%H:%M"))
}
