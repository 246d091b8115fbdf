//! The least full-screen app, for `examples/tui_bench`: ratatui's terminal
//! set up, one frame with the given word on its last line, the terminal
//! restored. What any launch of a ratatui app pays before its own work,
//! measured beside the floor (`examples/floor`) in the same run.

fn main() {
    let word = std::env::args().nth(1).unwrap_or_default();
    let mut terminal = ratatui::init();
    let _ = terminal.draw(|frame| {
        let area = frame.area();
        let last = ratatui::layout::Rect { y: area.bottom().saturating_sub(1), height: 1, ..area };
        frame.render_widget(ratatui::widgets::Paragraph::new(word.as_str()), last);
    });
    ratatui::restore();
}
