/**
 * Site accounts and the social identities linked to them: linking at login and addConnection (with
 * the browser's guest account), removal, the provider sessions each identity holds (renewed on
 * use), and the getUserInfo projection. Each service method is one short transaction; provider
 * calls (profile reads, token renewals) happen between them, never inside one.
 */
package io.junction.web.account;
