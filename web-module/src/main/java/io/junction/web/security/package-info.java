/**
 * Cryptography and secrets: encryption at rest ({@link io.junction.web.security.SecretCipher},
 * {@link io.junction.web.security.Secrets}), the digests that stand for issued credentials ({@link
 * io.junction.web.security.Hashes}), Gigya's signatures and UID signatures, nonces, redirect_uri
 * rules, whether a request came over HTTPS, and the administrator's credentials. Who may call what
 * is decided in {@link io.junction.web.caller}, which uses these.
 */
package io.junction.web.security;
