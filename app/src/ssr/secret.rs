//! Random secrets handed to one person (a draft's cookie, a one-time link) and the hash the
//! database knows each by: someone who can read the database cannot use them.

use sha2::{Digest, Sha256};

/// 32 random bytes, written as 64 hex digits.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretToken(String);

impl SecretToken {
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).expect("the operating system provides randomness");
        Self(hex(&bytes))
    }

    /// A token as a cookie or a link brought it back; anything else is ignored.
    pub fn parse(value: &str) -> Option<Self> {
        let ok = value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit());
        ok.then(|| Self(value.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What the database stores and looks the token up by.
    pub fn key(&self) -> String {
        hex(&Sha256::digest(self.0.as_bytes()))
    }
}

impl std::fmt::Debug for SecretToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretToken(…)")
    }
}

/// Whether two secrets are equal, in a time that does not tell where they differ (their
/// hashes are compared, every byte).
pub fn same(a: &[u8], b: &[u8]) -> bool {
    let (a, b) = (Sha256::digest(a), Sha256::digest(b));
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::{same, SecretToken};

    #[test]
    fn secrets_compare_equal_only_when_equal() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"abcd"));
        assert!(!same(b"", b"a"));
    }

    #[test]
    fn a_token_reads_back_and_its_key_is_not_the_token() {
        let t = SecretToken::generate();
        assert_eq!(
            SecretToken::parse(&t.as_str().to_uppercase()),
            Some(t.clone())
        );
        assert_ne!(t.key(), t.as_str());
        assert_eq!(t.key().len(), 64);
        assert_ne!(SecretToken::generate(), t);
        for bad in ["", "abc", &"g".repeat(64), &"a".repeat(65)] {
            assert_eq!(SecretToken::parse(bad), None);
        }
    }
}
