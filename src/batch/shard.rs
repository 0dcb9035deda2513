//! Splitting a batch across machines: shard K of N takes the plans whose stable hash of their
//! relative path falls in it, so every plan is rendered by exactly one shard.

use std::hash::Hasher;
use std::path::Path;
use std::str::FromStr;

use siphasher::sip::SipHasher13;

use crate::load::refusal::Refusal;

/// Shard `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which shard, from 1.
    pub index: u64,
    /// How many shards.
    pub count: u64,
}

impl FromStr for Shard {
    type Err = Refusal;

    fn from_str(text: &str) -> Result<Shard, Refusal> {
        let invalid = || {
            Refusal::new(format!("`{text}` is not a shard"))
                .with_hint("write K/N with 1 <= K <= N, e.g. 2/8")
        };
        let (index, count) = text.split_once('/').ok_or_else(invalid)?;
        let index: u64 = index.trim().parse().map_err(|_| invalid())?;
        let count: u64 = count.trim().parse().map_err(|_| invalid())?;
        if index == 0 || count == 0 || index > count {
            return Err(invalid());
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether the plan at `relative` (its path below the folder given) belongs to this shard.
    /// The hash is the same on every machine and in every release: SipHash-1-3 with fixed keys
    /// over the path with `/` separators.
    pub fn contains(&self, relative: &Path) -> bool {
        let normal: Vec<String> = relative
            .components()
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect();
        let mut hasher = SipHasher13::new_with_keys(0x6865_702d_7368_6172, 0x6473_2d76_312e_3030);
        hasher.write(normal.join("/").as_bytes());
        hasher.finish() % self.count == self.index - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_k_of_n() {
        assert_eq!("2/8".parse(), Ok(Shard { index: 2, count: 8 }));
        for bad in ["0/8", "9/8", "2", "a/b", "2/0", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn every_path_falls_in_exactly_one_shard() {
        for number in 0..500 {
            let path = format!("2026/client-{number}.yaml");
            let owners = (1..=7)
                .filter(|index| {
                    Shard {
                        index: *index,
                        count: 7,
                    }
                    .contains(Path::new(&path))
                })
                .count();
            assert_eq!(owners, 1, "{path}");
        }
    }

    #[test]
    fn the_hash_is_stable_across_releases() {
        // Changing the hash would move plans between shards of a running regeneration.
        let shard_of = |path: &str| {
            (1..=10).find(|index| {
                Shard {
                    index: *index,
                    count: 10,
                }
                .contains(Path::new(path))
            })
        };
        assert_eq!(shard_of("jane.yaml"), shard_of("jane.yaml"));
        let spread: std::collections::BTreeSet<_> =
            (0..100).map(|n| shard_of(&format!("p{n}.yaml"))).collect();
        assert!(
            spread.len() >= 8,
            "plans spread over the shards: {spread:?}"
        );
    }
}
