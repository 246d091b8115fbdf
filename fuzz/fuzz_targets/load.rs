//! The journal loader on arbitrary bytes: it must never panic, and whatever
//! it accepts must pass the integrity check and survive a save/load round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(journal) = easeoff::store::parse_bytes(data) {
        assert!(journal.check_integrity().is_ok());
        let again = easeoff::store::parse_bytes(&easeoff::store::serialize(&journal)).expect("a saved journal loads");
        assert_eq!(again, journal);
    }
});
