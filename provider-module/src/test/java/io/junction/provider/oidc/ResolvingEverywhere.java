package io.junction.provider.oidc;

import io.junction.provider.PublicAddresses;
import java.net.InetAddress;

/**
 * The generic OpenID Connect connector for tests whose issuers are made-up names: every name
 * resolves to one public address, so the address rule holds without a DNS server.
 */
public final class ResolvingEverywhere {

  private ResolvingEverywhere() {}

  /** A connector whose address rule resolves every host to 93.184.216.34. */
  public static GenericOidcConnector genericOidc() {
    return new GenericOidcConnector(
        null,
        new PublicAddresses(
            false, host -> new InetAddress[] {InetAddress.getByName("93.184.216.34")}));
  }
}
