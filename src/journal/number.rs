//! The one rule for reading a number a person typed, wherever they type it
//! (grams, hours of sleep, plan amounts, aid amounts): a decimal point or a
//! decimal comma (`5,5`), thousands grouped with commas (`1,000`), nothing
//! else. Exponents (`1e1`), `inf` and `NaN` are refused: nobody weighs that.

/// A number with a decimal point or a decimal comma (`1,5`); a comma before
/// exactly three digits groups thousands (`1,000`), as does a comma when a
/// point follows (`1,000.5`). A leading minus is read, so that a negative
/// amount can be refused as negative rather than as not a number.
pub fn parse(text: &str) -> Option<f64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let commas = text.matches(',').count();
    let points = text.matches('.').count();
    let plain = match (commas, points) {
        (0, 0 | 1) => text.to_owned(),
        (_, 0) => {
            if thousands(digits) {
                text.replace(',', "")
            } else if commas == 1 {
                text.replacen(',', ".", 1)
            } else {
                return None;
            }
        }
        (_, 1) => {
            let (whole, fraction) = text.split_once('.')?;
            if !thousands(whole.strip_prefix('-').unwrap_or(whole)) {
                return None;
            }
            format!("{}.{fraction}", whole.replace(',', ""))
        }
        _ => return None,
    };
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A number followed by an optional unit word (`2.5g`, `6 h`): the unit is
/// whatever `unit` says may end it.
pub fn with_unit(text: &str, unit: &str) -> Option<f64> {
    let trimmed = text.trim();
    let number = trimmed.strip_suffix(unit).unwrap_or(trimmed).trim_end();
    parse(number)
}

/// `1,000` or `12,345,678`: groups of three after a first group of one to
/// three digits that does not start with 0 (so `0,5` is a decimal).
fn thousands(text: &str) -> bool {
    let mut groups = text.split(',');
    groups.next().is_some_and(|g| (1..=3).contains(&g.len()) && !g.starts_with('0')) && groups.all(|g| g.len() == 3)
}

/// `value` to the nearest multiple of `step`.
pub fn round_to(value: f64, step: f64) -> f64 {
    (value / step).round() * step
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decimal_point_or_a_decimal_comma() {
        assert_eq!(parse("5.5"), Some(5.5));
        assert_eq!(parse("5,5"), Some(5.5));
        assert_eq!(parse("0,25"), Some(0.25), "a leading 0 is never a thousands group");
        assert_eq!(parse(".5"), Some(0.5));
        assert_eq!(parse("-2"), Some(-2.0));
        assert_eq!(parse("-2,5"), Some(-2.5));
    }

    #[test]
    fn thousands_are_grouped_with_commas() {
        assert_eq!(parse("1,000"), Some(1000.0));
        assert_eq!(parse("1,000.5"), Some(1000.5));
        assert_eq!(parse("12,345,678"), Some(12_345_678.0));
    }

    #[test]
    fn anything_else_is_not_a_number() {
        for bad in ["", "-", "1.000,5", "1.2.3", "1,2,3", "1e1", "inf", "NaN", "abc", "2 g", "+2", "1_000"] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_unit_may_end_it() {
        assert_eq!(with_unit("2.5g", "g"), Some(2.5));
        assert_eq!(with_unit(" 2,5 g ", "g"), Some(2.5));
        assert_eq!(with_unit("6h", "h"), Some(6.0));
        assert_eq!(with_unit("6 kg", "g"), None);
    }
}
