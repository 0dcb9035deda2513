//! A value hep refuses: what is wrong with it and how to write it instead.
//!
//! Our own value parsers (durations, frequencies, dates, colours, counts) run inside serde,
//! whose errors carry only text. A [`Refusal`] keeps its hint as data all the same: turning it
//! into a serde error ([`Refusal::into_serde`]) leaves it beside the parse, on this thread,
//! and [`crate::load::yaml::parse`] takes it back with the position serde found.

use std::cell::RefCell;
use std::fmt;

use crate::diagnostic::{Diagnostic, Kind};

/// A value that cannot be used, with advice on how to write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// What is wrong, in one sentence about the user's own value ("`3 weeks ago` is not a
    /// follow-up").
    pub message: String,
    /// How to write it instead, when we can say.
    pub hint: Option<String>,
}

thread_local! {
    /// The last refusal handed to serde on this thread (see the module's documentation).
    static HANDED_TO_SERDE: RefCell<Option<Refusal>> = const { RefCell::new(None) };
}

impl Refusal {
    /// A refusal with a message and no hint yet.
    pub fn new(message: impl Into<String>) -> Refusal {
        Refusal {
            message: message.into(),
            hint: None,
        }
    }

    /// Adds advice on how to write the value.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Refusal {
        self.hint = Some(hint.into());
        self
    }

    /// Adds advice unless the refusal already has its own, more precise one.
    pub fn or_hint(mut self, hint: impl Into<String>) -> Refusal {
        if self.hint.is_none() {
            self.hint = Some(hint.into());
        }
        self
    }

    /// The serde error that stops the parse here, so that serde reports the value's position.
    pub fn into_serde<E: serde::de::Error>(self) -> E {
        let error = E::custom(&self.message);
        HANDED_TO_SERDE.with(|handed| *handed.borrow_mut() = Some(self));
        error
    }

    /// Forgets any refusal left by an earlier parse on this thread.
    pub(crate) fn forget_handed() {
        HANDED_TO_SERDE.with(|handed| handed.borrow_mut().take());
    }

    /// The refusal behind the serde error whose message is `message`, if ours: another value
    /// tried and abandoned on the way (an untagged enum's first guess) does not match.
    pub(crate) fn take_handed(message: &str) -> Option<Refusal> {
        HANDED_TO_SERDE
            .with(|handed| handed.borrow_mut().take())
            .filter(|refusal| refusal.message == message)
    }

    /// The refusal as a problem in the user's input ([`Kind::BadValue`]), with no place yet.
    pub fn into_diagnostic(self) -> Diagnostic {
        Diagnostic::error(self.message)
            .with_kind(Kind::BadValue)
            .with_optional_hint(self.hint)
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Refusal {}

/// Refuses a value with a message and a hint: `return Err(refuse("...", "write ..."))` inside a
/// serde visitor.
pub fn refuse<E: serde::de::Error>(message: impl fmt::Display, hint: impl fmt::Display) -> E {
    Refusal::new(message.to_string())
        .with_hint(hint.to_string())
        .into_serde()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_handed_to_serde_comes_back_only_for_its_own_message() {
        let _: serde::de::value::Error = refuse("`x` is not a duration", "write `30s`");
        assert_eq!(Refusal::take_handed("something else"), None);
        let _: serde::de::value::Error = refuse("`x` is not a duration", "write `30s`");
        let back = Refusal::take_handed("`x` is not a duration").unwrap();
        assert_eq!(back.hint.as_deref(), Some("write `30s`"));
        assert_eq!(Refusal::take_handed("`x` is not a duration"), None);
    }
}
