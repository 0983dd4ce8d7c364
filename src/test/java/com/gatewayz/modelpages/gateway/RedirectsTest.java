package com.gatewayz.modelpages.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The redirect rule against a scripted DNS: same host, no downgrade, no internal address. */
class RedirectsTest {

  private static final URI ORIGIN = URI.create("https://gateway.example/api/v1/models");

  // Each host answers its addresses in turn; the last one repeats.
  private final Map<String, Deque<String>> dns = new HashMap<>();
  private final Redirects redirects = new Redirects(this::resolve);

  private void answer(String host, String... addresses) {
    dns.put(host, new ArrayDeque<>(List.of(addresses)));
  }

  private InetAddress[] resolve(String host) throws UnknownHostException {
    Deque<String> answers = dns.get(host);
    if (answers == null) {
      throw new UnknownHostException(host);
    }
    String address = answers.size() > 1 ? answers.poll() : answers.peek();
    return new InetAddress[] {InetAddress.getByName(address)};
  }

  @Test
  void aRelativeRedirectOnAPublicHostIsFollowed() throws Exception {
    answer("gateway.example", "93.184.216.34");

    assertThat(redirects.from(ORIGIN).follow(ORIGIN, "/api/v2/models"))
        .isEqualTo(URI.create("https://gateway.example/api/v2/models"));
  }

  @Test
  void aHostThatNowResolvesToAPrivateAddressIsRefused() {
    answer("gateway.example", "93.184.216.34", "10.0.0.5");
    Redirects.Chain chain = redirects.from(ORIGIN);

    assertThatThrownBy(() -> chain.follow(ORIGIN, "/internal"))
        .isInstanceOf(RedirectRefusedException.class)
        .hasMessage("redirect to an internal address refused: https://gateway.example");
  }

  @Test
  void anotherHostIsRefusedWhateverItResolvesTo() {
    answer("gateway.example", "93.184.216.34");
    answer("cdn.example", "93.184.216.35");
    Redirects.Chain chain = redirects.from(ORIGIN);

    assertThatThrownBy(() -> chain.follow(ORIGIN, "https://cdn.example/models"))
        .hasMessage("redirect to another host refused: https://cdn.example");
    assertThatThrownBy(() -> chain.follow(ORIGIN, "http://169.254.169.254/latest/meta-data"))
        .hasMessage("redirect to another host refused: http://169.254.169.254");
  }

  @Test
  void httpsIsNeverDowngradedToHttp() {
    answer("gateway.example", "93.184.216.34");

    assertThatThrownBy(() -> redirects.from(ORIGIN).follow(ORIGIN, "http://gateway.example/m"))
        .hasMessage("redirect from https to http refused: http://gateway.example");
  }

  @Test
  void anUnusableLocationIsRefused() {
    answer("gateway.example", "93.184.216.34");

    assertThatThrownBy(() -> redirects.from(ORIGIN).follow(ORIGIN, "file:///etc/passwd"))
        .hasMessage("redirect to an unusable location refused");
    assertThatThrownBy(() -> redirects.from(ORIGIN).follow(ORIGIN, "http://[bad"))
        .hasMessage("redirect to an unusable location refused");
  }

  @Test
  void aLoopbackGatewayConfiguredByTheOperatorMayRedirectWithinItself() throws Exception {
    answer("localhost", "127.0.0.1");
    URI local = URI.create("http://localhost:9000/models");

    assertThat(redirects.from(local).follow(local, "/v2/models"))
        .isEqualTo(URI.create("http://localhost:9000/v2/models"));
  }

  @Test
  void theSixthRedirectOfAFetchIsRefused() throws Exception {
    answer("gateway.example", "93.184.216.34");
    Redirects.Chain chain = redirects.from(ORIGIN);
    for (int i = 0; i < Redirects.MAX_REDIRECTS; i++) {
      chain.follow(ORIGIN, "/again");
    }

    assertThatThrownBy(() -> chain.follow(ORIGIN, "/again")).hasMessage("more than 5 redirects");
  }

  @Test
  void internalAddressesAreRecognised() throws Exception {
    String[] internal = {
      "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
      "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "224.0.0.1"
    };
    for (String address : internal) {
      assertThat(InternalAddresses.contains(InetAddress.getByName(address))).as(address).isTrue();
    }
    for (String address : new String[] {"93.184.216.34", "100.128.0.1", "2606:4700::1111"}) {
      assertThat(InternalAddresses.contains(InetAddress.getByName(address))).as(address).isFalse();
    }
  }
}
