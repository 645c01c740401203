//! A small keyed token-bucket limiter: each key (an address, a device) may make `burst`
//! requests at once and `per_second` more every second after that.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How many requests one key may make.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rate {
    pub burst: u32,
    pub per_second: f64,
}

impl Rate {
    /// No limit at all (tests that drive many phones from one address).
    pub const UNLIMITED: Rate = Rate {
        burst: u32::MAX,
        per_second: f64::INFINITY,
    };
}

/// Above this many keys, those whose bucket has refilled are forgotten.
const PRUNE_AT: usize = 10_000;

pub struct Limiter<K> {
    rate: Rate,
    buckets: Mutex<HashMap<K, (f64, Instant)>>,
}

impl<K: Hash + Eq + Clone> Limiter<K> {
    pub fn new(rate: Rate) -> Self {
        Limiter {
            rate,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token for `key`; false when it has none left.
    pub fn allow(&self, key: &K, now: Instant) -> bool {
        if self.rate.burst == u32::MAX {
            return true;
        }
        let burst = f64::from(self.rate.burst);
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= PRUNE_AT {
            // How long an emptied bucket takes to fill again (an hour at most).
            let secs = burst / self.rate.per_second;
            let full = if secs.is_finite() && secs >= 0.0 {
                Duration::from_secs_f64(secs.min(3600.0))
            } else {
                Duration::from_secs(3600)
            };
            buckets.retain(|_, (_, at)| now.saturating_duration_since(*at) < full);
        }
        let (tokens, at) = buckets.entry(key.clone()).or_insert((burst, now));
        let elapsed = now.saturating_duration_since(*at).as_secs_f64();
        *tokens = (*tokens + elapsed * self.rate.per_second.max(0.0)).min(burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_the_rate() {
        let limiter = Limiter::new(Rate {
            burst: 3,
            per_second: 2.0,
        });
        let t0 = Instant::now();
        assert!((0..3).all(|_| limiter.allow(&1, t0)));
        assert!(!limiter.allow(&1, t0));
        assert!(limiter.allow(&2, t0), "another key has its own bucket");
        assert!(limiter.allow(&1, t0 + Duration::from_millis(500)));
        assert!(!limiter.allow(&1, t0 + Duration::from_millis(500)));
    }
}
