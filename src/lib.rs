//! easeoff: a private, offline journal for kratom withdrawal and tapering.
//!
//! Data flows one way: what a person types becomes a validated change to the
//! [`journal::Journal`], which the [`store`] saves atomically; everything
//! shown is computed from the journal by the pure [`analysis`] and [`course`]
//! modules and rendered by [`status`], [`table`] and [`export`].

#![cfg_attr(test, allow(clippy::float_cmp))]

pub mod analysis;
pub mod cli;
pub mod course;
pub mod dates;
pub mod demo;
pub mod export;
pub mod get_help;
pub mod journal;
pub mod print;
pub mod report;
#[doc(hidden)]
pub mod scenarios;
pub mod status;
pub mod store;
pub mod table;
pub mod tui;
