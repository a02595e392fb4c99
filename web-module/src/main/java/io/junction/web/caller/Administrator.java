package io.junction.web.caller;

/**
 * The administrator of the admin API and console, once proven: the user name they signed in with
 * and the address they called from (the connection's peer, or behind a proxy of {@code
 * junction.trusted-proxies} the client it names; see {@link ClientAddress#address}).
 */
public record Administrator(String user, String address) {}
