//! Text that an exercise may give in several languages: either the plain value (in the
//! exercise's own language) or a map by language code, `{en: Clamshell, fr: Palourde}`.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{
    self, DeserializeOwned, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};

/// A value in one language, or in several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Localized<T> {
    /// The value, in the exercise's own language.
    Plain(T),
    /// The value by language code (`en`, `fr`).
    ByLanguage(BTreeMap<String, T>),
}

impl<T> Localized<T> {
    /// The value in `language`; a plain value counts as the exercise's own language.
    pub fn get(&self, language: &str, own_language: &str) -> Option<&T> {
        match self {
            Localized::Plain(value) => (language == own_language).then_some(value),
            Localized::ByLanguage(values) => values.get(language),
        }
    }

    /// The languages given.
    pub fn languages(&self, own_language: &str) -> Vec<String> {
        match self {
            Localized::Plain(_) => vec![own_language.to_string()],
            Localized::ByLanguage(values) => values.keys().cloned().collect(),
        }
    }

    /// Applies `change` to every language's value.
    pub fn map<U>(self, mut change: impl FnMut(T) -> U) -> Localized<U> {
        match self {
            Localized::Plain(value) => Localized::Plain(change(value)),
            Localized::ByLanguage(values) => Localized::ByLanguage(
                values
                    .into_iter()
                    .map(|(language, value)| (language, change(value)))
                    .collect(),
            ),
        }
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Localized<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LocalizedVisitor<T>(PhantomData<T>);
        impl<'de, T: DeserializeOwned> Visitor<'de> for LocalizedVisitor<T> {
            type Value = Localized<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, a list, or a map by language such as `{en: ..., fr: ...}`")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
                T::deserialize(value.into_deserializer()).map(Localized::Plain)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Localized::Plain)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut values = BTreeMap::new();
                while let Some(language) = map.next_key::<String>()? {
                    let valid = (2..=3).contains(&language.len())
                        && language.chars().all(|c| c.is_ascii_lowercase());
                    if !valid {
                        return Err(crate::load::refusal::refuse(
                            format!("`{language}` is not a language code"),
                            "use two-letter codes such as `en` and `fr`",
                        ));
                    }
                    values.insert(language, map.next_value::<T>()?);
                }
                Ok(Localized::ByLanguage(values))
            }
        }
        deserializer.deserialize_any(LocalizedVisitor(PhantomData))
    }
}
