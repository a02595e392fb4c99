/**
 * The Socialize API's endpoints, one resource per method and each thin: it reads its parameters
 * ({@link io.junction.web.envelope.Parameters}), lets {@link io.junction.web.caller.Authentication}
 * decide who is calling, calls one service and answers in the envelope.
 *
 * <p>Browser flows ({@code socialize.login}, {@code socialize.addConnection}, the provider callback
 * {@code /GS/GSLogin.aspx}) answer with redirects, or with a page that asks the user first, whose
 * answer {@code /GS/confirm} takes; server methods extend {@link
 * io.junction.web.rest.socialize.ServerMethodResource} and answer JSON or XML; {@code
 * socialize.getToken} is the OAuth 2.0 token endpoint. No resource opens a transaction.
 */
package io.junction.web.rest.socialize;
