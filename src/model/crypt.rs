//! Encryption at rest with a passphrase: the `age` format with its scrypt recipient.
//!
//! This module works on bytes only; [`super::assessment_io`] reads and writes assessment files
//! through it. An encrypted assessment file is an ordinary age file (`age -d` opens it too) whose plaintext
//! is the RON assessment. It is recognised by the age header, so any command or dialog that
//! opens a file can tell that it needs a passphrase. The passphrase is held only in memory
//! ([`SecretString`], wiped when dropped), never written anywhere.

use std::io::{Read, Write};

pub use secrecy::SecretString;

use super::diag::MAX_FILE_BYTES;

/// The first bytes of a (binary) age file.
pub const AGE_HEADER: &[u8] = b"age-encryption.org/";
/// The first line of an ASCII-armoured age file.
pub const AGE_ARMOR_HEADER: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

/// Whether `bytes` are an age-encrypted file (binary or armoured), by its header.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    b.starts_with(AGE_HEADER) || b.trim_ascii_start().starts_with(AGE_ARMOR_HEADER)
}

/// The scrypt work factor of an encryption.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WorkFactor {
    /// age's choice: about one second of work on this machine. The app and the CLI use it.
    #[default]
    Standard,
    /// `N = 2^log_n` (clamped to 1–30). Only tests use it, to stay fast: files written with a
    /// low factor are easy to attack.
    LogN(u8),
}

/// Why encrypting or decrypting failed.
#[derive(Debug, thiserror::Error)]
pub enum CryptError {
    /// The passphrase does not open the file.
    #[error("the passphrase is wrong (or the file was encrypted with another one). Type it again; the file was not changed")]
    WrongPassphrase,
    /// The file is damaged or not a complete age file.
    #[error("the encrypted file is damaged ({0}). Restore it from its backup (NAME.ron.bak); the file was not changed")]
    Damaged(String),
    /// The file is ASCII-armoured, which mamori does not read.
    #[error("the file is an ASCII-armoured age file, which mamori does not read. Convert it with `age -d` and `mamori encrypt`")]
    Armored,
    /// The file was not encrypted with a passphrase.
    #[error("the file is encrypted for an age key, not with a passphrase. Decrypt it with `age -d -i KEYFILE` first")]
    NotPassphrase,
    /// The file asks for much more work than this machine should do.
    #[error("the file asks for an scrypt work factor of 2^{0}, far more than usual: it may be a malicious file. It was not opened")]
    ExcessiveWork(u8),
    /// The decrypted content is larger than any mamori file may be.
    #[error("the decrypted content is larger than {MAX_FILE_BYTES} bytes (4 MiB), the limit for a mamori file")]
    TooLarge,
    /// The passphrase is empty.
    #[error("the passphrase is empty. Give a passphrase of at least one character")]
    EmptyPassphrase,
    /// Encryption itself failed.
    #[error("encryption failed: {0}")]
    Encrypt(String),
}

/// Encrypts `plain` with `passphrase` (age, scrypt recipient) at the work factor `work`.
pub fn encrypt(
    plain: &[u8],
    passphrase: &SecretString,
    work: WorkFactor,
) -> Result<Vec<u8>, CryptError> {
    use secrecy::ExposeSecret;
    if passphrase.expose_secret().is_empty() {
        return Err(CryptError::EmptyPassphrase);
    }
    let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
    if let WorkFactor::LogN(log_n) = work {
        recipient.set_work_factor(log_n.clamp(1, 30));
    }
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .map_err(|e| CryptError::Encrypt(e.to_string()))?;
    let mut out = Vec::with_capacity(plain.len() + 256);
    let mut writer = encryptor
        .wrap_output(&mut out)
        .map_err(|e| CryptError::Encrypt(e.to_string()))?;
    writer
        .write_all(plain)
        .and_then(|()| writer.finish().map(|_| ()))
        .map_err(|e| CryptError::Encrypt(e.to_string()))?;
    Ok(out)
}

/// Decrypts an age file made by [`encrypt`] (or `age -p`).
pub fn decrypt(cipher: &[u8], passphrase: &SecretString) -> Result<Vec<u8>, CryptError> {
    use age::DecryptError as D;
    let cipher = cipher.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(cipher);
    if cipher.trim_ascii_start().starts_with(AGE_ARMOR_HEADER) {
        return Err(CryptError::Armored);
    }
    let decryptor = age::Decryptor::new_buffered(cipher).map_err(|e| match e {
        D::ExcessiveWork { required, .. } => CryptError::ExcessiveWork(required),
        other => CryptError::Damaged(other.to_string()),
    })?;
    if !decryptor.is_scrypt() {
        return Err(CryptError::NotPassphrase);
    }
    let identity = age::scrypt::Identity::new(passphrase.clone());
    let reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| match e {
            D::DecryptionFailed | D::NoMatchingKeys | D::KeyDecryptionFailed => {
                CryptError::WrongPassphrase
            }
            D::ExcessiveWork { required, .. } => CryptError::ExcessiveWork(required),
            other => CryptError::Damaged(other.to_string()),
        })?;
    let mut plain = Vec::new();
    reader
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut plain)
        .map_err(|e| CryptError::Damaged(e.to_string()))?;
    if plain.len() > MAX_FILE_BYTES {
        return Err(CryptError::TooLarge);
    }
    Ok(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass(s: &str) -> SecretString {
        SecretString::from(s.to_string())
    }

    #[test]
    fn round_trip_wrong_passphrase_and_damage() {
        let c = encrypt(
            "株式会社テスト".as_bytes(),
            &pass("正しい合言葉"),
            WorkFactor::LogN(4),
        )
        .unwrap();
        assert!(is_encrypted(&c));
        assert!(!is_encrypted(b"Assessment("));
        assert!(!c.windows(6).any(|w| w == "株式".as_bytes()));
        assert_eq!(
            decrypt(&c, &pass("正しい合言葉")).unwrap(),
            "株式会社テスト".as_bytes()
        );
        assert!(matches!(
            decrypt(&c, &pass("違う")),
            Err(CryptError::WrongPassphrase)
        ));
        let mut damaged = c.clone();
        let last = damaged.len() - 3;
        damaged[last] ^= 0x55;
        assert!(matches!(
            decrypt(&damaged, &pass("正しい合言葉")),
            Err(CryptError::Damaged(_))
        ));
        assert!(matches!(
            decrypt(&c[..c.len() / 2], &pass("正しい合言葉")),
            Err(CryptError::Damaged(_))
        ));
        assert!(matches!(
            decrypt(b"age-encryption.org/v1\n-> junk\n", &pass("x")),
            Err(CryptError::Damaged(_))
        ));
        assert!(matches!(
            encrypt(b"x", &pass(""), WorkFactor::LogN(4)),
            Err(CryptError::EmptyPassphrase)
        ));
    }
}
