//! Reports: pure functions from a session to bytes. (Being written.)
