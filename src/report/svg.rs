//! The course chart as inline SVG for the HTML summary: the usual bands
//! (physical filled grey, psychological hatched), days 3–4 shaded, guide
//! lines at day 1, a week, three and six weeks, dates along the axis (a
//! week or more apart), the daily dose totals before the last dose, and the
//! scores as lines broken at missing days (physical
//! solid with dots, psychological dashed with squares), so it reads in black
//! and white.

use std::fmt::Write;

use super::ChartDay;
use crate::journal::{Kind, format_number};

/// Plot geometry, in SVG user units.
const W: f64 = 700.0;
const H: f64 = 90.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 690.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 64.0;
/// The chart's height over its width, for a page that places it.
pub const ASPECT: f32 = (H / W) as f32;

fn y_of(value: f64) -> f64 {
    BOTTOM - value.clamp(0.0, 4.0) / 4.0 * (BOTTOM - TOP)
}

/// Where things go: one column per day.
struct Plot<'a> {
    days: &'a [ChartDay],
    step: f64,
}

impl Plot<'_> {
    fn x(&self, i: usize) -> f64 {
        LEFT + self.step * (i as f64 + 0.5)
    }
}

/// The chart as inline SVG.
pub fn render(days: &[ChartDay]) -> String {
    let p = Plot { days, step: (RIGHT - LEFT) / days.len().max(1) as f64 };
    let mut g = String::new();
    let _ = write!(
        g,
        "<svg class=\"course\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"Daily physical and psychological scores against the usual course\">\n\
         <defs><pattern id=\"hatch\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"#999\" stroke-width=\"1.2\"/></pattern></defs>\n"
    );
    peak(&mut g, &p);
    grid(&mut g);
    bands(&mut g, &p);
    let max_dose = doses(&mut g, &p);
    guides(&mut g, &p);
    dates(&mut g, &p);
    scores(&mut g, &p);
    legend(&mut g, &p, max_dose);
    g.push_str("</svg>\n");
    g
}

fn peak(g: &mut String, p: &Plot) {
    // Days 3–4, the usual peak.
    let peak: Vec<usize> =
        p.days.iter().enumerate().filter(|(_, d)| matches!(d.day, Some(3 | 4))).map(|(i, _)| i).collect();
    if let (Some(&first), Some(&last)) = (peak.first(), peak.last()) {
        let x = p.x(first) - p.step / 2.0;
        let _ = writeln!(
            g,
            "<rect class=\"peak\" x=\"{x:.1}\" y=\"{TOP}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#f1f1f1\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"label\" text-anchor=\"middle\">days 3–4</text>",
            p.step * (last - first + 1) as f64,
            BOTTOM - TOP,
            x + p.step * (last - first + 1) as f64 / 2.0,
            TOP + 9.0
        );
    }
}

fn grid(g: &mut String) {
    // Grid and y axis.
    for v in 0..=4 {
        let y = y_of(v as f64);
        let word = crate::journal::RATING_WORDS.get(v).copied().unwrap_or_default();
        let _ = writeln!(
            g,
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{RIGHT}\" y2=\"{y:.1}\" stroke=\"#ccc\" stroke-width=\"0.5\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"label\" text-anchor=\"end\">{v} {word}</text>",
            LEFT - 4.0,
            y + 3.0
        );
    }
}

fn bands(g: &mut String, p: &Plot) {
    // The usual bands: physical filled grey, psychological hatched.
    for (k, (fill, opacity)) in [("#bdbdbd", "0.55"), ("url(#hatch)", "0.9")].into_iter().enumerate() {
        let with_band: Vec<(usize, f64, f64)> =
            p.days.iter().enumerate().filter_map(|(i, d)| d.bands.map(|b| (i, b[k].low, b[k].high))).collect();
        if with_band.len() > 1 {
            let upper = with_band.iter().map(|(i, _, hi)| format!("{:.1},{:.1}", p.x(*i), y_of(*hi)));
            let lower = with_band.iter().rev().map(|(i, lo, _)| format!("{:.1},{:.1}", p.x(*i), y_of(*lo)));
            let points: Vec<String> = upper.chain(lower).collect();
            let _ = writeln!(
                g,
                "<polygon class=\"band band-{k}\" points=\"{}\" fill=\"{fill}\" fill-opacity=\"{opacity}\" stroke=\"none\"/>",
                points.join(" ")
            );
        }
    }
}

fn doses(g: &mut String, p: &Plot) -> f64 {
    // Daily dose totals before the stop (and any lapse after it), in the lower part.
    let shown = |d: &&ChartDay| d.day.is_none() || d.lapse;
    let max_dose = p.days.iter().filter(shown).filter_map(|d| d.dose_grams).fold(0.0, f64::max);
    if max_dose > 0.0 {
        for (i, d) in p.days.iter().enumerate().filter(|(_, d)| shown(d)) {
            if let Some(grams) = d.dose_grams {
                let height = grams / max_dose * (BOTTOM - TOP) * 0.35;
                let _ = writeln!(
                    g,
                    "<rect class=\"dose\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{height:.1}\" fill=\"#d8c79a\"/>",
                    p.x(i) - p.step * 0.35,
                    BOTTOM - height,
                    p.step * 0.7
                );
                if d.cut {
                    let _ = writeln!(
                        g,
                        "<text class=\"label cut\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">▼</text>",
                        p.x(i),
                        BOTTOM + 9.0
                    );
                }
                if d.lapse {
                    // A lapse: labelled, so it reads in black and white.
                    let _ = writeln!(
                        g,
                        "<text class=\"label lapse\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">lapse {} g</text>",
                        p.x(i),
                        BOTTOM - height - 3.0,
                        format_number(grams)
                    );
                }
            }
        }
    }
    max_dose
}

fn guides(g: &mut String, p: &Plot) {
    // Guides: the last dose (day 1), a week, three and six weeks.
    for (day, label) in [(1, "day 1"), (7, "1 week"), (21, "3 weeks"), (42, "6 weeks")] {
        if let Some(i) = p.days.iter().position(|d| d.day == Some(day)) {
            let x = p.x(i) - p.step / 2.0;
            let _ = writeln!(
                g,
                "<line x1=\"{x:.1}\" y1=\"{TOP}\" x2=\"{x:.1}\" y2=\"{BOTTOM}\" stroke=\"#777\" stroke-width=\"0.7\" stroke-dasharray=\"2,2\"/><text x=\"{x:.1}\" y=\"{:.1}\" class=\"label\" text-anchor=\"middle\">{label}</text>",
                BOTTOM + 11.0
            );
        }
    }
}

fn dates(g: &mut String, p: &Plot) {
    // A date under a few days, a week or more apart, with a tick on the
    // axis; at least 44 units between labels ("12 Nov" is about 30).
    let min_gap = (44.0 / p.step).ceil().max(1.0) as usize;
    for i in super::ticks::date_ticks(p.days, min_gap) {
        let Some(day) = p.days.get(i) else { continue };
        let x = p.x(i);
        let _ = writeln!(
            g,
            "<line class=\"tick\" x1=\"{x:.1}\" y1=\"{BOTTOM}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#555\" stroke-width=\"0.7\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"label date\" text-anchor=\"middle\">{}</text>",
            BOTTOM + 3.0,
            x.clamp(LEFT, W - 20.0),
            BOTTOM + 24.0,
            super::ticks::label(day)
        );
    }
}

fn scores(g: &mut String, p: &Plot) {
    // The scores: lines broken at missing p.days, with markers.
    for (kind, stroke, dash) in
        [(Kind::Physical, "#1f4e9a", ""), (Kind::Psychological, "#7a2860", " stroke-dasharray=\"5,3\"")]
    {
        let value = |d: &ChartDay| match kind {
            Kind::Physical => d.physical,
            Kind::Psychological => d.psychological,
        };
        let mut run: Vec<String> = Vec::new();
        let mut runs: Vec<Vec<String>> = Vec::new();
        for (i, d) in p.days.iter().enumerate() {
            match value(d) {
                Some(v) => run.push(format!("{:.1},{:.1}", p.x(i), y_of(v))),
                None => runs.push(std::mem::take(&mut run)),
            }
        }
        runs.push(run);
        for r in runs.iter().filter(|r| r.len() > 1) {
            let _ = writeln!(
                g,
                "<polyline class=\"score {}\" points=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1.6\"{dash}/>",
                kind.word(),
                r.join(" ")
            );
        }
        if p.days.len() <= 120 {
            for (i, d) in p.days.iter().enumerate() {
                if let Some(v) = value(d) {
                    let (x, y) = (p.x(i), y_of(v));
                    let _ = match kind {
                        Kind::Physical => {
                            writeln!(g, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"2.4\" fill=\"{stroke}\"/>")
                        }
                        Kind::Psychological => writeln!(
                            g,
                            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"4.4\" height=\"4.4\" fill=\"#fff\" stroke=\"{stroke}\" stroke-width=\"1.2\"/>",
                            x - 2.2,
                            y - 2.2
                        ),
                    };
                }
            }
        }
    }
}

fn legend(g: &mut String, p: &Plot, max_dose: f64) {
    // Legend: the band and the dose words only for what the chart shows.
    let legend_y = 10.0;
    let has_band = p.days.iter().any(|d| d.bands.is_some());
    let _ = write!(
        g,
        "<g class=\"legend\"><line x1=\"{LEFT}\" y1=\"{legend_y}\" x2=\"{:.1}\" y2=\"{legend_y}\" stroke=\"#1f4e9a\" stroke-width=\"1.6\"/><circle cx=\"{:.1}\" cy=\"{legend_y}\" r=\"2.4\" fill=\"#1f4e9a\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"label\">physical</text>\
         <line x1=\"{:.1}\" y1=\"{legend_y}\" x2=\"{:.1}\" y2=\"{legend_y}\" stroke=\"#7a2860\" stroke-width=\"1.6\" stroke-dasharray=\"5,3\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"label\">psychological</text>",
        LEFT + 18.0,
        LEFT + 9.0,
        LEFT + 22.0,
        legend_y + 3.0,
        LEFT + 80.0,
        LEFT + 98.0,
        LEFT + 102.0,
        legend_y + 3.0,
    );
    if has_band {
        let _ = write!(
            g,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"14\" height=\"7\" fill=\"#bdbdbd\" fill-opacity=\"0.55\"/><rect x=\"{:.1}\" y=\"{:.1}\" width=\"14\" height=\"7\" fill=\"url(#hatch)\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"label\">usual band (physical / psychological)</text>",
            LEFT + 180.0,
            legend_y - 3.5,
            LEFT + 196.0,
            legend_y - 3.5,
            LEFT + 214.0,
            legend_y + 3.0,
        );
    }
    if max_dose > 0.0 {
        let x = if has_band { LEFT + 400.0 } else { LEFT + 180.0 };
        let what = if has_band { "daily dose" } else { "daily dose; ▼ a cut" };
        let _ = write!(
            g,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"8\" height=\"7\" fill=\"#d8c79a\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"label\">{what} (tallest {} g)</text>",
            legend_y - 3.5,
            x + 12.0,
            legend_y + 3.0,
            format_number(max_dose)
        );
    }
    g.push_str("</g>\n");
}
