//! How many failed sign-ins one account, or one address, gets before the answers slow down
//! and then stop for a while.
//!
//! Guessing a password takes many tries; a person who mistyped takes a few. So the first
//! failures cost nothing, the next ones must wait a doubling pause before the next try, and
//! at the limit the account (or address) is refused until a quarter of an hour after its
//! last failure. Refused tries are not counted, so nobody can keep a real person out for
//! longer than that; failures older than the same quarter of an hour are forgotten, and a
//! successful sign-in forgets the account's.

use chrono::{DateTime, Duration, Utc};

/// How long failures are remembered, and how long a lock lasts after the last one.
pub const WINDOW_MINUTES: i64 = 15;

/// Failed sign-ins remembered for one account at one door, or one address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    pub count: u32,
    pub last_at: DateTime<Utc>,
}

/// When answers slow down (`free` failures cost nothing) and when they stop (`lock_at`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub free: u32,
    pub lock_at: u32,
}

/// One account at one door: five mistypes are free, the tenth failure locks.
pub const ACCOUNT: Limits = Limits {
    free: 5,
    lock_at: 10,
};

/// One address, whichever accounts it tries: an office's shared connection has room for
/// many people's mistypes, a script trying many accounts does not.
pub const ADDRESS: Limits = Limits {
    free: 20,
    lock_at: 50,
};

fn window() -> Duration {
    Duration::minutes(WINDOW_MINUTES)
}

/// The pause before the next try after `count` failures: none for the free ones, then 5,
/// 10, 20, 40 and at most 60 seconds.
fn pause(count: u32, limits: Limits) -> Duration {
    match count.checked_sub(limits.free) {
        Some(over) => Duration::seconds((5_i64 << over.min(4)).min(60)),
        None => Duration::zero(),
    }
}

/// How long a try at `now` must still wait; `None` when it may go ahead.
pub fn wait(failures: Option<Failures>, limits: Limits, now: DateTime<Utc>) -> Option<Duration> {
    let f = failures?;
    let since = now - f.last_at;
    if since >= window() {
        return None;
    }
    let wait = if f.count >= limits.lock_at {
        window()
    } else {
        pause(f.count, limits)
    } - since;
    (wait > Duration::zero()).then_some(wait)
}

/// Failures whose last one was before this are forgotten: the next failure counts from one.
pub fn forgotten_before(now: DateTime<Utc>) -> DateTime<Utc> {
    now - window()
}

/// A wait in whole minutes for people to read, never "0 minutes".
pub fn minutes_to_say(wait: Duration) -> u32 {
    let seconds = wait.num_seconds().max(1);
    u32::try_from((seconds + 59) / 60).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap()
    }

    fn failed(times: u32, last: i64) -> Option<Failures> {
        Some(Failures {
            count: times,
            last_at: at(last),
        })
    }

    #[test]
    fn the_first_mistypes_cost_nothing() {
        assert_eq!(wait(None, ACCOUNT, at(0)), None);
        assert_eq!(
            wait(failed(5, 0), ACCOUNT, at(0)),
            Some(Duration::seconds(5))
        );
        assert_eq!(wait(failed(4, 0), ACCOUNT, at(0)), None);
    }

    #[test]
    fn then_the_pause_doubles_until_the_lock() {
        assert_eq!(
            wait(failed(6, 0), ACCOUNT, at(0)),
            Some(Duration::seconds(10))
        );
        assert_eq!(
            wait(failed(8, 0), ACCOUNT, at(1)),
            Some(Duration::seconds(39))
        );
        assert_eq!(
            wait(failed(9, 0), ACCOUNT, at(0)),
            Some(Duration::seconds(60))
        );
        assert_eq!(wait(failed(9, 0), ACCOUNT, at(60)), None);
        assert_eq!(
            wait(failed(49, 0), ADDRESS, at(0)),
            Some(Duration::seconds(60))
        );
        assert_eq!(
            wait(failed(10, 0), ACCOUNT, at(60)),
            Some(Duration::seconds(840))
        );
        assert_eq!(wait(failed(10, 0), ACCOUNT, at(900)), None);
    }

    #[test]
    fn failures_are_forgotten_after_the_window() {
        assert_eq!(forgotten_before(at(900)), at(0));
        assert_eq!(
            wait(failed(50, 0), ADDRESS, at(899)),
            Some(Duration::seconds(1))
        );
        assert_eq!(wait(failed(50, 0), ADDRESS, at(900)), None);
    }

    #[test]
    fn waits_are_said_in_whole_minutes() {
        assert_eq!(minutes_to_say(Duration::seconds(1)), 1);
        assert_eq!(minutes_to_say(Duration::seconds(61)), 2);
        assert_eq!(minutes_to_say(Duration::minutes(15)), 15);
    }

    proptest! {
        /// Whatever happened before, nobody waits longer than the window after their last
        /// failure, and refused tries (which are not counted) cannot make it longer.
        #[test]
        fn nobody_waits_beyond_the_window(count in 0u32..10_000, ago in 0i64..2_000, limits in prop_oneof![Just(ACCOUNT), Just(ADDRESS)]) {
            let now = at(ago);
            match wait(failed(count, 0), limits, now) {
                Some(w) => {
                    prop_assert!(w > Duration::zero());
                    prop_assert!(now + w <= at(0) + window());
                }
                None => prop_assert!(count < limits.lock_at || ago >= WINDOW_MINUTES * 60),
            }
        }
    }
}
