/**
 * Who is calling: the one place where Junction decides it.
 *
 * <p>Every way a caller proves itself ends in one {@link io.junction.web.caller.Caller} value (its
 * site, application key or none, account or none, permissions, and whether the call came over
 * HTTPS), made by {@link io.junction.web.caller.Authentication}:
 *
 * <ul>
 *   <li>the site secret in clear ({@code apiKey} + {@code secret}), HTTPS only (403006);
 *   <li>an application key and its secret ({@code apiKey} + {@code userKey} + {@code secret}),
 *       HTTPS only, limited to the key's permissions (403007);
 *   <li>an RSA application key's RS256 JWT in {@code Authorization: Bearer} ({@code kid} = userKey,
 *       single-use {@code jti}, {@code iat}), as the Gigya SDKs' GSAuthRequest sends it, HTTPS
 *       only, limited to the key's permissions ({@link io.junction.web.caller.ApplicationJwt},
 *       {@link io.junction.web.caller.ApplicationJwts}); a Bearer value with two dots is such a
 *       JWT, never an oauth_token;
 *   <li>an HMAC-SHA1 signature ({@code sig}) with {@code timestamp} and single-use {@code nonce},
 *       over HTTP or HTTPS ({@link io.junction.web.caller.RequestSignatures});
 *   <li>an {@code oauth_token} (query, form, or {@code Authorization: OAuth|Bearer}), HTTPS only
 *       (403025);
 *   <li>the client authentication of socialize.getToken: {@code client_id} and {@code
 *       client_secret} in the form or in HTTP Basic (form-encoded inside, RFC 6749 §2.3.1), or an
 *       application key ({@code client_id} + {@code userKey} + {@code secret}, or an RSA key's
 *       JWT);
 *   <li>the administrator's HTTP Basic credentials for the admin API and console, HTTPS only
 *       (403006), with guessing locked out per client address ({@link
 *       io.junction.web.caller.AdminLoginThrottle}, {@link io.junction.web.caller.ClientAddress}).
 * </ul>
 *
 * <p>Which of these each Socialize method accepts is the table of {@link
 * io.junction.web.caller.MethodAccess}.
 */
package io.junction.web.caller;
