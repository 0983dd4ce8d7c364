package com.gatewayz.modelpages.gateway;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Addresses that are not on the public internet: loopback, unspecified, private (RFC 1918,
 * unique-local {@code fc00::/7}), link-local (including cloud metadata at 169.254.169.254),
 * carrier-grade NAT ({@code 100.64.0.0/10}), {@code 0.0.0.0/8} and multicast.
 */
final class InternalAddresses {

  private InternalAddresses() {}

  static boolean contains(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      return first == 0 || (first == 100 && second >= 64 && second < 128);
    }
    return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
  }
}
