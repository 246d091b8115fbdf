//! Everything a person can ask the app to do from a screen. Key tables map
//! keys to these; `App::apply` carries them out.

/// One thing to do. Movement actions mean what the current screen makes of
/// them (a symptom on Today, a day on Course and History, a dose on Doses).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Go to the next screen (Tab).
    NextScreen,
    /// Go to the previous screen (Shift-Tab).
    PrevScreen,
    /// Open the help overlay, built from the key tables.
    OpenHelp,
    /// Open "When to get help".
    OpenGetHelp,
    /// Quit, saving first.
    Quit,
    /// Move up: the symptom above, the dose above, or scroll up.
    Up,
    /// Move down.
    Down,
    /// Move left: the day before (Course, History, Doses).
    Left,
    /// Move right: the day after.
    Right,
    /// A page to the left / up.
    PageLeft,
    /// A page to the right / down.
    PageRight,
    /// To the top (Summary).
    Top,
    /// To the end (Summary).
    Bottom,
    /// Rate the chosen symptom 0–4 (Today).
    Rate(u8),
    /// Rate one lower; from "not rated" nothing happens (Today).
    Lower,
    /// Rate one higher; from "not rated" it becomes 0 (Today).
    Higher,
    /// Make the chosen symptom "not recorded" (Today).
    Clear,
    /// Show the day before (Today).
    PrevDay,
    /// Show the day after, never past today (Today).
    NextDay,
    /// Enter hours of sleep (Today).
    EditSleep,
    /// Write or change the day's note (Today).
    EditNote,
    /// The day's aids: add one, or see them and delete one (Today). With
    /// none logged that day, straight to adding one.
    Aids,
    /// Log a dose (Today, Doses).
    AddDose,
    /// Mark the newest dose as the last one, when easeoff asks (Today).
    MarkLastDose,
    /// Mark the chosen day as a day without kratom, or take that back (Doses).
    NoDoseDay,
    /// Change the chosen dose (Doses).
    EditDose,
    /// Delete the chosen dose, after asking (Doses).
    DeleteDose,
    /// Make a new taper plan (Doses).
    NewPlan,
    /// Hold the current step of the plan longer (Doses).
    HoldPlan,
    /// Change the plan's step size from today (Doses).
    RestepPlan,
    /// Clear the plan, after asking (Doses).
    ClearPlan,
    /// Cycle physical / psychological / both (Course).
    ToggleKinds,
    /// Open the chosen day in Today (History).
    OpenDay,
    /// Write the summary to a file beside the journal (Summary).
    WriteSummary(SummaryFormat),
    /// Send the text summary to the printer (Summary).
    PrintSummary,
    /// Answer or change the history's questions (Summary).
    EditHistory,
    /// The self-check about the past 12 months (Summary).
    SelfCheck,
}

/// The formats the Summary screen writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryFormat {
    Text,
    Markdown,
    Html,
    /// The one-page PDF made by easeoff itself, on the locale's paper.
    Pdf,
}
