-- Application keys with an RSA key pair: Junction keeps only the public key (Base64 of its X.509
-- SubjectPublicKeyInfo), and the key's servers authenticate with RS256 JWTs signed by the private
-- key. Such a key has no secret. A new key pair keeps the userKey and notes when it was replaced.
ALTER TABLE application_key ALTER COLUMN secret_enc DROP NOT NULL;
ALTER TABLE application_key ADD COLUMN public_key VARCHAR(4000);
ALTER TABLE application_key ADD COLUMN key_rotated_at TIMESTAMP;
