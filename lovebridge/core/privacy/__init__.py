"""Privacy: key slots (Argon2id + AES-GCM), file encryption, and converting data at rest."""
