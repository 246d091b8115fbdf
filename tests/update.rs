//! `update` as a pure function: a message in, the model and the effects
//! out, for every screen and pop-up — no folder, no terminal, no clock. And
//! the loop: a burst of keys is saved in one or two saves, none lost.

#![allow(clippy::float_cmp)] // the values compared were typed in exactly

use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;

use easeoff::journal::about::Field;
use easeoff::journal::{Journal, Stamp};
use easeoff::tui::{Effect, Frontend, Model, Msg, Overlay, SaveNotes, Screen, Theme, update};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;

const NOW: &str = "2026-03-10T09:00:00+01:00";

fn now() -> Stamp {
    Stamp::parse_from_rfc3339(NOW).unwrap()
}

fn model_on(journal: Journal) -> Model {
    let mut model = Model::new(journal, PathBuf::from("/no/such/folder/journal.json"), now(), Theme::new(false));
    model.window = Size { width: 120, height: 40 };
    model
}

/// The 42-day demo journal, on Today.
fn demo() -> Model {
    model_on(easeoff::demo::generate(42, 1, now()))
}

fn key(model: &mut Model, code: KeyCode) -> Vec<Effect> {
    update(model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn ctrl(model: &mut Model, c: char) -> Vec<Effect> {
    update(model, Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)))
}

/// Types text and presses Enter; the effects of the whole.
fn type_enter(model: &mut Model, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        effects.extend(key(model, KeyCode::Char(c)));
    }
    effects.extend(key(model, KeyCode::Enter));
    effects
}

fn status(model: &Model) -> String {
    model.status.as_ref().map(|s| s.text.clone()).unwrap_or_default()
}

fn today_rating(model: &Model, id: &str) -> Option<u8> {
    model.journal.day(now().date_naive()).and_then(|d| d.ratings.get(id)).map(|r| r.value)
}

// ---------------------------------------------------------------- Today

#[test]
fn a_rating_changes_the_journal_says_so_by_label_and_asks_for_one_save() {
    let mut model = demo();
    let effects = key(&mut model, KeyCode::Char('3'));
    assert_eq!(today_rating(&model, "muscle-aches"), Some(3));
    assert_eq!(effects, [Effect::Save]);
    assert_eq!(model.unsaved, 1);
    assert_eq!(status(&model), "muscle aches: 3 (severe).");
    // The save's result comes back as a message: nothing is left unsaved.
    update(&mut model, Msg::Saved(Ok(SaveNotes::default())));
    assert_eq!(model.unsaved, 0);
}

#[test]
fn moving_and_a_lowest_rating_lowered_change_nothing_and_ask_for_nothing() {
    let mut model = demo();
    let before = model.journal.clone();
    assert!(key(&mut model, KeyCode::Down).is_empty());
    assert_eq!(model.item, 1);
    assert!(key(&mut model, KeyCode::Left).is_empty(), "lowering an unrated item");
    assert!(status(&model).contains("Not rated yet"));
    assert!(key(&mut model, KeyCode::Char('[')).is_empty());
    assert_eq!(model.date.to_string(), "2026-03-09");
    assert_eq!(model.journal, before);
}

#[test]
fn sleep_is_typed_in_a_prompt_and_a_bad_answer_keeps_it_open_unchanged() {
    let mut model = demo();
    key(&mut model, KeyCode::Char('s'));
    assert!(matches!(model.overlay, Some(Overlay::Prompt(_))));
    let before = model.journal.clone();
    assert!(type_enter(&mut model, "30").is_empty(), "refused: nothing to save");
    let Some(Overlay::Prompt(prompt)) = &model.overlay else { panic!("the prompt stays open") };
    assert!(prompt.error.as_deref().is_some_and(|e| e.contains("24")), "{:?}", prompt.error);
    assert_eq!(model.journal, before);
    // Cleared and typed again, it is taken.
    for _ in 0..2 {
        key(&mut model, KeyCode::Backspace);
    }
    assert_eq!(type_enter(&mut model, "6.5"), [Effect::Save]);
    assert!(model.overlay.is_none());
    assert_eq!(model.journal.day(now().date_naive()).and_then(|d| d.sleep).map(|s| s.hours), Some(6.5));
}

#[test]
fn the_note_editor_saves_with_ctrl_s_and_ctrl_c_saves_then_quits_after_the_save() {
    let mut model = demo();
    key(&mut model, KeyCode::Char('n'));
    for c in "Slept badly".chars() {
        assert!(key(&mut model, KeyCode::Char(c)).is_empty(), "typing saves nothing");
    }
    assert_eq!(ctrl(&mut model, 's'), [Effect::Save]);
    assert_eq!(note_text(&model).as_deref(), Some("Slept badly"));
    update(&mut model, Msg::Saved(Ok(SaveNotes::default())));

    // Reopened, the note is there to read: `a` adds on a new line at the end.
    key(&mut model, KeyCode::Char('n'));
    key(&mut model, KeyCode::Char('a'));
    for c in "Legs better".chars() {
        key(&mut model, KeyCode::Char(c));
    }
    let effects = ctrl(&mut model, 'c');
    assert!(effects.contains(&Effect::Save));
    assert_eq!(note_text(&model).as_deref(), Some("Slept badly\nLegs better"));
    assert!(!model.quit, "quits only once the note is saved");
    update(&mut model, Msg::Saved(Ok(SaveNotes::default())));
    assert!(model.quit);
    assert_eq!(model.lost, 0);
}

#[test]
fn esc_in_the_note_editor_asks_before_dropping_changes_and_e_edits_from_the_start() {
    let mut model = demo();
    model.journal.set_note(now().date_naive(), "Kept as it was", false, now()).unwrap();
    key(&mut model, KeyCode::Char('n'));
    // Reading: letters are keys, not text.
    key(&mut model, KeyCode::Char('e'));
    for c in "Not ".chars() {
        key(&mut model, KeyCode::Char(c));
    }
    assert!(key(&mut model, KeyCode::Esc).is_empty());
    assert!(matches!(&model.overlay, Some(Overlay::Note(editor)) if editor.content() == "Not Kept as it was"));
    // n goes back to writing; Esc again and y leaves without saving.
    key(&mut model, KeyCode::Char('n'));
    assert!(matches!(model.overlay, Some(Overlay::Note(_))));
    key(&mut model, KeyCode::Esc);
    assert!(key(&mut model, KeyCode::Char('y')).is_empty());
    assert!(model.overlay.is_none());
    assert_eq!(note_text(&model).as_deref(), Some("Kept as it was"));
    // Unchanged, Esc simply closes.
    key(&mut model, KeyCode::Char('n'));
    key(&mut model, KeyCode::Esc);
    assert!(model.overlay.is_none());
}

#[test]
fn a_pasted_note_of_three_thousand_characters_is_taken_whole_and_saved_once() {
    let mut model = demo();
    let lines: Vec<String> = (0..70).map(|i| format!("Line {i:02}: restless legs, slept in short spells.")).collect();
    let pasted = lines.join("\n");
    assert!(pasted.chars().count() >= 3000);
    key(&mut model, KeyCode::Char('n'));
    assert!(update(&mut model, Msg::Paste(pasted.clone())).is_empty(), "a paste saves nothing by itself");
    assert_eq!(ctrl(&mut model, 's'), [Effect::Save]);
    assert_eq!(note_text(&model), Some(pasted));
}

fn note_text(model: &Model) -> Option<String> {
    model.journal.day(now().date_naive()).and_then(|d| d.note.as_ref()).map(|n| n.text.clone())
}

#[test]
fn an_aid_is_added_then_listed_and_deleted_after_asking() {
    let mut model = demo();
    key(&mut model, KeyCode::Char('a'));
    assert_eq!(type_enter(&mut model, "loperamide 4 mg"), [Effect::Save]);
    key(&mut model, KeyCode::Char('a'));
    assert!(matches!(model.overlay, Some(Overlay::Aids(_))), "with an aid logged, `a` lists them");
    assert!(key(&mut model, KeyCode::Char('x')).is_empty(), "x only asks");
    assert!(matches!(model.overlay, Some(Overlay::Confirm(_))));
    assert_eq!(key(&mut model, KeyCode::Char('y')), [Effect::Save]);
    assert!(model.journal.day(now().date_naive()).is_none_or(|d| d.aids.is_empty()));
    assert!(model.overlay.is_none(), "no aids left: the list does not come back");
}

#[test]
fn a_dangerous_amount_logged_opens_the_facts_for_attention_at_once() {
    let mut model = demo();
    key(&mut model, KeyCode::Char('a'));
    type_enter(&mut model, "loperamide 40 mg");
    let Some(Overlay::Attention(attention)) = &model.overlay else { panic!("the box opens at once") };
    assert!(attention.facts.iter().any(|f| f.starts_with("Loperamide 40 mg")), "{:?}", attention.facts);
    assert!(key(&mut model, KeyCode::Char('x')).is_empty());
    assert!(matches!(model.overlay, Some(Overlay::Attention(_))), "only Enter, Esc or Space close it");
    key(&mut model, KeyCode::Enter);
    assert!(model.overlay.is_none());
}

#[test]
fn the_welcome_answers_become_changes_and_skipping_changes_nothing() {
    let mut model = model_on(Journal::new());
    model.overlay = Some(Overlay::first_run());
    assert_eq!(key(&mut model, KeyCode::Char('t')), [Effect::Save]);
    assert!(status(&model).contains("tapering"));
    assert!(type_enter(&mut model, "").is_empty(), "the amount skipped");
    assert!(key(&mut model, KeyCode::Esc).is_empty(), "the country skipped");
    assert!(matches!(model.overlay, Some(Overlay::About(_))), "then the history is offered");
    assert!(key(&mut model, KeyCode::Esc).is_empty(), "one key puts it off");
    assert!(model.overlay.is_none());
    assert!(status(&model).contains("b on the Summary screen"), "{}", status(&model));
    assert_eq!(model.journal.settings().usual_daily_grams, None);
}

// ---------------------------------------------------------------- the history and the self-check

#[test]
fn the_history_after_the_welcome_saves_each_answer_as_it_goes_and_esc_keeps_them() {
    let mut model = model_on(Journal::new());
    model.overlay = Some(Overlay::first_run());
    key(&mut model, KeyCode::Esc); // mode
    type_enter(&mut model, ""); // amount
    key(&mut model, KeyCode::Esc); // country
    assert!(key(&mut model, KeyCode::Enter).is_empty(), "Enter starts the questions");
    // Products: 2 powder, 5 7-OH products; choosing saves nothing yet.
    assert!(key(&mut model, KeyCode::Char('2')).is_empty());
    assert!(key(&mut model, KeyCode::Char('5')).is_empty());
    assert_eq!(key(&mut model, KeyCode::Enter), [Effect::Save]);
    assert_eq!(status(&model), "Saved to your history: product and form.");
    // How long: a refusal keeps what was typed and says why.
    assert!(type_enter(&mut model, "ages").is_empty());
    let Some(Overlay::About(form)) = &model.overlay else { panic!("the form stays open") };
    let error = form.prompt.as_ref().and_then(|p| p.error.clone()).unwrap_or_default();
    assert!(error.contains("weeks, months or years"), "{error}");
    for _ in 0..4 {
        key(&mut model, KeyCode::Backspace);
    }
    assert_eq!(type_enter(&mut model, "18 months"), [Effect::Save]);
    assert!(type_enter(&mut model, "").is_empty(), "the usual amount skipped");
    assert!(type_enter(&mut model, "").is_empty(), "doses a day skipped");
    // Reasons: pain, then on; Esc closes, keeping what was saved.
    key(&mut model, KeyCode::Char('1'));
    assert_eq!(key(&mut model, KeyCode::Enter), [Effect::Save]);
    assert!(key(&mut model, KeyCode::Esc).is_empty());
    assert!(model.overlay.is_none());
    let lines: Vec<String> = model.journal.history().into_iter().map(|l| l.text).collect();
    assert_eq!(lines, ["powder, 7-OH products", "18 months", "pain"]);
}

#[test]
fn the_history_from_the_summary_shows_what_is_recorded_and_saves_only_changes() {
    let mut model = demo();
    model.screen = Screen::Summary;
    key(&mut model, KeyCode::Char('b'));
    assert!(matches!(&model.overlay, Some(Overlay::About(f)) if f.step == easeoff::tui::AboutStep::Products));
    key(&mut model, KeyCode::Char('1'));
    key(&mut model, KeyCode::Enter);
    assert!(type_enter(&mut model, "").is_empty());
    // The usual amount is the welcome's, shown and kept: Enter on it saves nothing.
    assert!(type_enter(&mut model, "").is_empty(), "the recorded amount, unchanged");
    type_enter(&mut model, "");
    key(&mut model, KeyCode::Enter); // reasons unchanged: nothing
    // Substances: 1 alcohol now, 2 opioids now → in the past.
    key(&mut model, KeyCode::Char('1'));
    key(&mut model, KeyCode::Char('2'));
    key(&mut model, KeyCode::Char('2'));
    assert_eq!(key(&mut model, KeyCode::Enter), [Effect::Save]);
    assert_eq!(type_enter(&mut model, "none"), [Effect::Save], "no medicines");
    assert_eq!(key(&mut model, KeyCode::Char('3')), [Effect::Save], "a goal is one key");
    let effects = key(&mut model, KeyCode::Char('1'));
    assert_eq!(effects, [Effect::Save]);
    assert!(model.overlay.is_none(), "the last question closes the form");
    assert!(status(&model).contains("withdrawal in pregnancy needs medical care"), "{}", status(&model));
    let text = |f| model.journal.history().into_iter().find(|l| l.field == f).map(|l| l.text);
    assert_eq!(text(Field::Products).as_deref(), Some("leaf"));
    assert_eq!(text(Field::Substances).as_deref(), Some("alcohol (now), opioids (in the past)"));
    assert_eq!(text(Field::Medicines).as_deref(), Some("none"));
    assert_eq!(text(Field::Goal).as_deref(), Some("not sure yet"));
    assert_eq!(text(Field::Pregnant).as_deref(), Some("yes"));
}

#[test]
fn a_text_answer_emptied_and_confirmed_is_removed_not_kept_and_not_refused() {
    let mut model = demo();
    model.screen = Screen::Summary;
    // How long and the medicines, answered first.
    key(&mut model, KeyCode::Char('b'));
    key(&mut model, KeyCode::Enter); // products unchanged
    assert_eq!(type_enter(&mut model, "3 years"), [Effect::Save]);
    type_enter(&mut model, ""); // the usual amount kept
    type_enter(&mut model, ""); // doses a day, not answered: skipped
    key(&mut model, KeyCode::Enter); // reasons unchanged
    key(&mut model, KeyCode::Enter); // substances unchanged
    assert_eq!(type_enter(&mut model, "clonidine"), [Effect::Save]);
    key(&mut model, KeyCode::Esc);
    let text = |m: &Model, f| m.journal.history().into_iter().find(|l| l.field == f).map(|l| l.text);
    assert_eq!(text(&model, Field::UsedFor).as_deref(), Some("3 years"));
    // Again: the recorded answer is shown selected; Backspace empties the line, Enter removes it.
    key(&mut model, KeyCode::Char('b'));
    key(&mut model, KeyCode::Enter);
    key(&mut model, KeyCode::Backspace);
    assert_eq!(key(&mut model, KeyCode::Enter), [Effect::Save], "one change, saved");
    assert_eq!(status(&model), "Removed from your history: used for.");
    assert_eq!(text(&model, Field::UsedFor), None, "the answer is gone, not kept");
    assert!(matches!(&model.overlay, Some(Overlay::About(f)) if f.step == easeoff::tui::AboutStep::UsualAmount));
    // The usual amount (the welcome's 6 g) likewise.
    key(&mut model, KeyCode::Backspace);
    assert_eq!(key(&mut model, KeyCode::Enter), [Effect::Save]);
    assert_eq!(model.journal.settings().usual_daily_grams, None);
    assert!(type_enter(&mut model, "").is_empty(), "an empty line with nothing recorded changes nothing");
    key(&mut model, KeyCode::Enter);
    key(&mut model, KeyCode::Enter);
    key(&mut model, KeyCode::Backspace);
    assert_eq!(key(&mut model, KeyCode::Enter), [Effect::Save]);
    assert_eq!(status(&model), "Removed from your history: prescribed medicines.");
    assert_eq!(text(&model, Field::Medicines), None, "removed, which is not the answer \"none\"");
}

#[test]
fn the_self_check_saves_only_when_all_eleven_are_answered_and_back_changes_one() {
    let mut model = demo();
    let before = model.journal.criteria_checks().len();
    model.screen = Screen::Summary;
    key(&mut model, KeyCode::Char('c'));
    assert!(key(&mut model, KeyCode::Char('y')).is_empty());
    key(&mut model, KeyCode::Char('x'));
    key(&mut model, KeyCode::Left);
    key(&mut model, KeyCode::Char('n'));
    assert!(matches!(&model.overlay, Some(Overlay::SelfCheck(c)) if c.answers == [false]));
    assert!(key(&mut model, KeyCode::Esc).is_empty());
    assert_eq!(status(&model), "Self-check stopped; nothing was saved.");
    assert_eq!(model.journal.criteria_checks().len(), before);
    key(&mut model, KeyCode::Char('c'));
    for answer in "ynyynnnnnn".chars() {
        assert!(key(&mut model, KeyCode::Char(answer)).is_empty(), "nothing saved before the last answer");
    }
    assert_eq!(key(&mut model, KeyCode::Char('y')), [Effect::Save]);
    assert!(model.overlay.is_none());
    assert_eq!(status(&model), "Self-check saved: 4 of 11 answered yes (as you reported it; not a diagnosis).");
    let (latest, _) = model.journal.criteria_latest(now().date_naive());
    assert_eq!(latest.map(|c| c.yes.len()), Some(4));
}

// ---------------------------------------------------------------- Course, History, Doses

#[test]
fn course_and_history_move_the_day_and_never_write() {
    let mut model = demo();
    key(&mut model, KeyCode::Tab);
    assert_eq!(model.screen, Screen::Course);
    assert!(key(&mut model, KeyCode::Left).is_empty());
    assert_eq!(model.cursor.to_string(), "2026-03-09");
    assert!(key(&mut model, KeyCode::Char('p')).is_empty());
    key(&mut model, KeyCode::Tab);
    assert!(key(&mut model, KeyCode::PageUp).is_empty());
    assert_eq!(model.cursor.to_string(), "2026-02-23");
    key(&mut model, KeyCode::Enter);
    assert_eq!((model.screen, model.date.to_string()), (Screen::Today, "2026-02-23".to_owned()));
}

#[test]
fn doses_a_day_without_kratom_a_plan_and_clearing_it() {
    let mut model = model_on(Journal::new());
    model.screen = Screen::Doses;
    assert_eq!(key(&mut model, KeyCode::Char('n')), [Effect::Save]);
    assert!(model.journal.no_dose_days().contains(&now().date_naive()));
    key(&mut model, KeyCode::Char('p'));
    assert_eq!(type_enter(&mut model, "6 10% 7"), [Effect::Save]);
    assert!(model.journal.plan().is_some());
    key(&mut model, KeyCode::Char('c'));
    assert_eq!(key(&mut model, KeyCode::Char('y')), [Effect::Save]);
    assert!(model.journal.plan().is_none());
}

// ---------------------------------------------------------------- Summary

#[test]
fn the_summary_is_written_and_printed_only_through_effects() {
    let mut model = demo();
    model.screen = Screen::Summary;
    let effects = key(&mut model, KeyCode::Char('w'));
    let [Effect::Write { path, bytes }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(path, &PathBuf::from("/no/such/folder/easeoff-summary-2026-03-10.html"));
    assert!(String::from_utf8_lossy(bytes).contains("<html"));
    update(&mut model, Msg::Wrote(Ok(path.clone())));
    assert!(status(&model).contains("easeoff-summary-2026-03-10.html"));

    // Printing asks first, naming where it goes (which the loop finds out).
    let effects = key(&mut model, KeyCode::Char('p'));
    assert_eq!(effects, [Effect::FindPrinter { command: None }]);
    update(&mut model, Msg::PrinterIs("the printer office (lp)".to_owned()));
    let Some(Overlay::Confirm(confirm)) = &model.overlay else { panic!("asks first") };
    assert!(confirm.question.contains("the printer office (lp)"));
    // What goes to the printer is the PDF, with the chart.
    let effects = key(&mut model, KeyCode::Char('y'));
    assert!(matches!(effects.as_slice(), [Effect::Print { bytes, command: None }] if bytes.starts_with(b"%PDF-")));
}

#[test]
fn d_writes_the_pdf_beside_the_journal_on_the_paper_of_the_locale() {
    let mut model = demo();
    model.screen = Screen::Summary;
    let pdf_of = |model: &mut Model| {
        let effects = key(model, KeyCode::Char('d'));
        let [Effect::Write { path, bytes }] = effects.as_slice() else { panic!("{effects:?}") };
        assert_eq!(path, &PathBuf::from("/no/such/folder/easeoff-summary-2026-03-10.pdf"));
        assert!(bytes.starts_with(b"%PDF-"));
        String::from_utf8_lossy(bytes).into_owned()
    };
    // No locale and no country: Letter, like the app's default numbers.
    assert!(pdf_of(&mut model).contains("/MediaBox [0 0 612 792]"));
    model.system_paper = Some(easeoff::report::Paper::A4);
    assert!(pdf_of(&mut model).contains("/MediaBox [0 0 595.276 841.89]"));
    assert!(model.overlay.is_none(), "writing a file asks nothing");
}

// ---------------------------------------------------------------- saving and quitting

#[test]
fn a_failed_save_keeps_the_changes_and_quitting_asks_counting_them() {
    let mut model = demo();
    key(&mut model, KeyCode::Char('2'));
    update(&mut model, Msg::Saved(Err("the folder is gone".to_owned())));
    assert!(status(&model).contains("Not saved: the folder is gone"));
    key(&mut model, KeyCode::Down);
    key(&mut model, KeyCode::Char('3'));
    assert_eq!(model.unsaved, 2);
    assert_eq!(key(&mut model, KeyCode::Char('q')), [Effect::Save], "quitting tries the save again");
    update(&mut model, Msg::Saved(Err("the folder is gone".to_owned())));
    assert!(!model.quit);
    let Some(Overlay::Confirm(confirm)) = &model.overlay else { panic!("asks") };
    assert_eq!(confirm.question, "2 changes could not be saved. Quit anyway and lose them?");
    key(&mut model, KeyCode::Char('y'));
    assert!(model.quit);
    assert_eq!(model.lost, 2);
}

#[test]
fn a_read_only_journal_refuses_changes_and_asks_for_no_save() {
    let mut model = demo();
    model.read_only = Some("Read-only: another easeoff has it.".to_owned());
    let before = model.journal.clone();
    assert!(key(&mut model, KeyCode::Char('3')).is_empty());
    assert_eq!(model.journal, before);
    assert!(status(&model).contains("not made"));
    assert!(key(&mut model, KeyCode::Char('q')).is_empty());
    assert!(model.quit, "nothing unsaved: quits at once");
}

#[test]
fn help_and_get_help_open_over_what_was_open_and_give_it_back() {
    let mut model = demo();
    key(&mut model, KeyCode::Char('?'));
    assert!(matches!(model.overlay, Some(Overlay::Help(_))));
    key(&mut model, KeyCode::Char('x'));
    assert!(model.overlay.is_none(), "any key closes help");
    let mut model = model_on(Journal::new());
    model.overlay = Some(Overlay::first_run());
    // Small enough that the panel scrolls.
    model.window = Size { width: 80, height: 24 };
    key(&mut model, KeyCode::Char('!'));
    assert!(matches!(&model.overlay, Some(Overlay::GetHelp(view)) if view.under.is_some()));
    key(&mut model, KeyCode::Down);
    assert!(matches!(&model.overlay, Some(Overlay::GetHelp(view)) if view.scroll == 1));
    key(&mut model, KeyCode::Esc);
    assert!(matches!(model.overlay, Some(Overlay::FirstRun(_))), "the welcome comes back");
}

#[test]
fn below_the_smallest_window_keys_that_would_act_unseen_do_nothing() {
    let mut model = demo();
    model.window = Size { width: 39, height: 14 };
    assert!(key(&mut model, KeyCode::Char('3')).is_empty());
    assert_eq!(today_rating(&model, "muscle-aches"), None);
    key(&mut model, KeyCode::Char('!'));
    assert!(matches!(model.overlay, Some(Overlay::GetHelp(_))));
    key(&mut model, KeyCode::Esc);
    key(&mut model, KeyCode::Char('q'));
    assert!(model.quit);
}

// ---------------------------------------------------------------- the loop

/// A terminal that draws nowhere and gives keys from a list, as if they
/// were all typed at once while the app was busy.
struct Typed {
    keys: VecDeque<Event>,
    frames: usize,
}

impl Frontend for Typed {
    fn draw(&mut self, _: &Model) -> io::Result<Size> {
        self.frames += 1;
        Ok(Size { width: 120, height: 40 })
    }

    fn event(&mut self, _wait: bool) -> io::Result<Option<Event>> {
        Ok(self.keys.pop_front())
    }
}

#[test]
fn a_burst_of_fifty_keys_is_saved_in_one_or_two_saves_and_none_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    let (mut store, _) = easeoff::store::Store::open(&path, easeoff::store::Access::Write, now()).unwrap();
    store.save(&easeoff::demo::generate(42, 1, now()), now()).unwrap();
    drop(store);
    let mut app = easeoff::tui::open(&path, easeoff::tui::Clock::Fixed(now()), Theme::new(false)).unwrap();
    // 25 days rated, each a day further back: 50 key presses.
    let mut keys = VecDeque::new();
    for i in 0..25u8 {
        keys.push_back(Event::Key(KeyEvent::from(KeyCode::Char(char::from(b'0' + i % 5)))));
        keys.push_back(Event::Key(KeyEvent::from(KeyCode::Char('['))));
    }
    let mut typed = Typed { keys, frames: 0 };
    app.run(&mut typed).unwrap();
    assert!((1..=2).contains(&app.saves()), "{} saves for 50 keys", app.saves());
    let (_, saved) = easeoff::store::Store::open(&path, easeoff::store::Access::Read, now()).unwrap();
    for i in 0..25u8 {
        let date = now().date_naive() - chrono::Duration::days(i64::from(i));
        let value = saved.day(date).and_then(|d| d.ratings.get("muscle-aches")).map(|r| r.value);
        assert_eq!(value, Some(i % 5), "day {date}");
    }
    assert!(typed.frames >= 2, "a frame before the save and one after");
}

#[test]
fn typing_a_name_in_the_aids_list_starts_a_new_entry_with_every_letter() {
    let mut model = demo();
    key(&mut model, KeyCode::Char('a'));
    type_enter(&mut model, "magnesium 400 mg");
    key(&mut model, KeyCode::Char('a'));
    assert!(matches!(model.overlay, Some(Overlay::Aids(_))));
    // "loperamide" typed straight into the list: no letter is taken for a key.
    assert_eq!(type_enter(&mut model, "loperamide 40 mg"), [Effect::Save]);
    let aids = model.journal.day(now().date_naive()).map(|d| d.aids.clone()).unwrap_or_default();
    assert_eq!(aids.last().map(|a| a.name.as_str()), Some("loperamide"));
    assert!(matches!(model.overlay, Some(Overlay::Attention(_))), "and the amount is flagged at once");
}

#[test]
fn a_prefilled_prompt_is_replaced_by_typing_and_a_message_lasts_until_the_next_key() {
    let mut model = model_on(Journal::new());
    model.journal.set_usual_daily_grams(Some(6.0), now()).unwrap();
    model.screen = Screen::Doses;
    key(&mut model, KeyCode::Char('p'));
    // The usual amount's plan is offered; typing replaces it whole.
    assert_eq!(type_enter(&mut model, "5 10% 7"), [Effect::Save]);
    assert_eq!(model.journal.plan().and_then(|p| p.target_on(now().date_naive())), Some(5.0));
    assert!(!status(&model).is_empty());
    key(&mut model, KeyCode::Left);
    assert!(status(&model).is_empty(), "the message went with the next key");
}

#[test]
fn a_rating_on_another_day_names_the_day() {
    let mut model = demo();
    key(&mut model, KeyCode::Char('['));
    key(&mut model, KeyCode::Char('2'));
    assert_eq!(status(&model), "muscle aches: 2 (moderate) on Mon 9 Mar.");
}

#[test]
fn the_welcome_takes_a_last_dose_typed_straight_away_as_people_say_it() {
    let mut model = model_on(Journal::new());
    model.overlay = Some(Overlay::first_run());
    key(&mut model, KeyCode::Char('s'));
    // No 1, 2 or 3 chosen: the letters start the date instead of being lost.
    assert_eq!(type_enter(&mut model, "yesterday 21:30"), [Effect::Save]);
    assert_eq!(
        model.journal.last_use_mark().map(|t| t.format("%Y-%m-%d %H:%M").to_string()).as_deref(),
        Some("2026-03-09 21:30")
    );
}

#[test]
fn an_empty_dose_prompt_says_what_to_type() {
    let mut model = demo();
    key(&mut model, KeyCode::Char('d'));
    assert!(type_enter(&mut model, "").is_empty());
    let Some(Overlay::Prompt(prompt)) = &model.overlay else { panic!("stays open") };
    assert!(
        prompt.error.as_deref().is_some_and(|e| e.starts_with("type the amount in grams, e.g. 1.5")),
        "{:?}",
        prompt.error
    );
}

#[test]
fn a_new_step_size_keeps_a_hold_and_says_when_the_next_step_is() {
    let mut model = model_on(Journal::new());
    model.screen = Screen::Doses;
    key(&mut model, KeyCode::Char('p'));
    type_enter(&mut model, "6 10% 7");
    key(&mut model, KeyCode::Char('o'));
    type_enter(&mut model, "3");
    key(&mut model, KeyCode::Char('s'));
    assert_eq!(type_enter(&mut model, "0,5"), [Effect::Save]);
    let next = model.journal.plan().and_then(|p| p.next_after(now().date_naive())).map(|t| t.start.to_string());
    assert_eq!(next.as_deref(), Some("2026-03-20"), "held 3 days past 17 Mar, and kept");
    assert!(status(&model).contains("the next step is on Fri 20 Mar."), "{}", status(&model));
}
