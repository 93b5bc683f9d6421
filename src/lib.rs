//! The native core of the `clean` package: the per-line work, in code points exactly as
//! Python's `str` counts them. Pure functions over slices of code points; `python.rs` is the
//! only part that knows about Python objects, and is built only with the `python` feature.

pub mod chars;
pub mod segment;
pub mod tables;

#[cfg(feature = "python")]
mod python;
