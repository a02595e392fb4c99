package io.junction.provider.support;

import io.junction.provider.PublicAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.URI;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets that connect only to addresses {@link PublicAddresses} allows, checked on the address
 * the connection actually uses, at the moment it connects: a name that resolved to a public address
 * when its URL was checked and resolves to a private one now (DNS rebinding) reaches nothing.
 *
 * <p>Every way in is covered: an unconnected socket ({@link #createSocket()}, what {@code
 * HttpsURLConnection} asks for) checks the address it is given at {@code connect}; a socket handed
 * over to be wrapped in TLS is checked on the address it is connected to before any byte is sent; a
 * host name is resolved once, checked, and that very address is the one connected to.
 */
final class PublicPeersOnly extends SSLSocketFactory {

  private final SSLSocketFactory tls;
  private final PublicAddresses rule;

  PublicPeersOnly(SSLSocketFactory tls, PublicAddresses rule) {
    this.tls = tls;
    this.rule = rule;
  }

  /** Why a connection was not made: carries the rule's refusal as its cause. */
  static final class RefusedPeer extends SocketException {

    private static final long serialVersionUID = 1L;

    RefusedPeer(PublicAddresses.Refused refused) {
      super(refused.getMessage());
      initCause(refused);
    }
  }

  /** A plain socket that connects only to an address the rule allows. */
  private static final class CheckedSocket extends Socket {

    private final PublicAddresses rule;

    CheckedSocket(PublicAddresses rule) {
      this.rule = rule;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (!(endpoint instanceof InetSocketAddress a) || a.isUnresolved()) {
        throw new SocketException("only a resolved address can be checked: " + endpoint);
      }
      check(rule, a.getAddress(), a.getPort());
      super.connect(endpoint, timeout);
    }
  }

  private static void check(PublicAddresses rule, InetAddress address, int port)
      throws RefusedPeer {
    try {
      rule.checkPeer(address, port);
    } catch (PublicAddresses.Refused e) {
      throw new RefusedPeer(e);
    }
  }

  /** {@code host} resolved once and checked (with {@code port}): the address to connect to. */
  private InetAddress resolve(String host, int port) throws IOException {
    try {
      List<InetAddress> all =
          rule.check(
              URI.create("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port));
      return all.get(0);
    } catch (PublicAddresses.Refused e) {
      throw new RefusedPeer(e);
    } catch (IllegalArgumentException e) {
      throw new SocketException("not a host name: " + host);
    }
  }

  /**
   * A plain (not TLS) socket connected to {@code host}: the name resolved once under the rule, and
   * that very address connected to, checked again as it connects.
   */
  Socket plain(String host, int port, int timeoutMs) throws IOException {
    CheckedSocket s = new CheckedSocket(rule);
    try {
      s.connect(new InetSocketAddress(resolve(host, port), port), timeoutMs);
      return s;
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  @Override
  public Socket createSocket() {
    // Not TLS yet: the connection wraps it (createSocket(Socket, ...)) once it is connected.
    return new CheckedSocket(rule);
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose)
      throws IOException {
    if (!(s instanceof CheckedSocket)) {
      try {
        check(rule, s.getInetAddress(), s.getPort());
      } catch (RefusedPeer e) {
        if (autoClose) {
          s.close();
        }
        throw e;
      }
    }
    return tls.createSocket(s, host, port, autoClose);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(resolve(host, port), port, host, null, 0);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connected(resolve(host, port), port, host, localHost, localPort);
  }

  @Override
  public Socket createSocket(InetAddress address, int port) throws IOException {
    return connected(address, port, address.getHostAddress(), null, 0);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(address, port, address.getHostAddress(), localAddress, localPort);
  }

  private Socket connected(
      InetAddress address, int port, String host, InetAddress localAddress, int localPort)
      throws IOException {
    CheckedSocket s = new CheckedSocket(rule);
    try {
      if (localAddress != null) {
        s.bind(new InetSocketAddress(localAddress, localPort));
      }
      s.connect(new InetSocketAddress(address, port));
      return tls.createSocket(s, host, port, true);
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return tls.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return tls.getSupportedCipherSuites();
  }
}
