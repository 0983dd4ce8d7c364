package com.gatewayz.modelpages.gateway;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a gateway's redirects may lead: a list fetch follows at most {@value #MAX_REDIRECTS}
 * redirects, each to the same host as the configured list URL, never from {@code https:} down to
 * {@code http:}, and never to a loopback, private, link-local or otherwise internal address unless
 * the configured host was one when the fetch started (an operator may point a gateway at a local
 * mirror; a public gateway, or a DNS answer changed under it, must not steer the server into its
 * own network). The configured URL is the operator's choice and is not checked. Thread-safe.
 */
final class Redirects {

  static final int MAX_REDIRECTS = 5;

  /** Looks up the addresses of a host name (DNS in production, a table in tests). */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Resolver resolver;

  Redirects(Resolver resolver) {
    this.resolver = resolver;
  }

  static Redirects usingDns() {
    return new Redirects(InetAddress::getAllByName);
  }

  /** Starts a fetch of {@code origin}, the configured list URL; looks its host up now. */
  Chain from(URI origin) {
    return new Chain(origin, isInternal(origin.getHost()));
  }

  /** The redirects of one fetch. Not thread-safe. */
  final class Chain {
    private final URI origin;
    private final boolean originInternal;
    private int hops;

    private Chain(URI origin, boolean originInternal) {
      this.origin = origin;
      this.originInternal = originInternal;
    }

    /**
     * The URL to request next, {@code current} having answered a redirect to {@code location}.
     *
     * @throws RedirectRefusedException when the redirect may not be followed
     */
    URI follow(URI current, String location) throws RedirectRefusedException {
      if (++hops > MAX_REDIRECTS) {
        throw new RedirectRefusedException("more than " + MAX_REDIRECTS + " redirects");
      }
      URI target = target(current, location);
      if (!origin.getHost().equalsIgnoreCase(target.getHost())) {
        throw refused("to another host", target);
      }
      if (isHttps(current) && !isHttps(target)) {
        throw refused("from https to http", target);
      }
      if (!originInternal && isInternal(target.getHost())) {
        throw refused("to an internal address", target);
      }
      return target;
    }
  }

  private static URI target(URI current, String location) throws RedirectRefusedException {
    try {
      URI target = current.resolve(new URI(location.trim()));
      String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && target.getHost() != null) {
        return target;
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      // refused below, like any other unusable location
    }
    throw new RedirectRefusedException("redirect to an unusable location refused");
  }

  private static boolean isHttps(URI uri) {
    return "https".equalsIgnoreCase(uri.getScheme());
  }

  // A name that does not resolve counts as internal: it is never a reason to allow more.
  private boolean isInternal(String host) {
    try {
      for (InetAddress address : resolver.resolve(host)) {
        if (InternalAddresses.contains(address)) {
          return true;
        }
      }
      return false;
    } catch (UnknownHostException e) {
      return true;
    }
  }

  private static RedirectRefusedException refused(String why, URI target) {
    return new RedirectRefusedException(
        "redirect " + why + " refused: " + target.getScheme() + "://" + target.getRawAuthority());
  }
}
