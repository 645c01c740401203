//! Stable identifiers: every group, item, option, round and reaction carries one, so undo,
//! merging copies from several laptops and references between records never depend on list
//! positions.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A random 64-bit identifier, written as 16 hex digits in session files.
///
/// Random rather than sequential so that copies of one session edited on different laptops
/// never hand out the same id twice.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(pub u64);

impl Id {
    /// A fresh random id. Collisions within one session are checked where ids are inserted.
    pub fn random() -> Self {
        Id(fastrand::u64(1..))
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({self})")
    }
}

impl std::str::FromStr for Id {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.is_empty() || s.len() > 16 {
            return Err(format!("\"{s}\" is not an id (1 to 16 hex digits)"));
        }
        u64::from_str_radix(s, 16)
            .map(Id)
            .map_err(|_| format!("\"{s}\" is not an id (1 to 16 hex digits)"))
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
