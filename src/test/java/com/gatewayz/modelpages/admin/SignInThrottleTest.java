package com.gatewayz.modelpages.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.platform.Settings;
import com.gatewayz.modelpages.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-address table behind the admin back-off: keys, bounds, forgetting. */
class SignInThrottleTest {

  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000L);
  private final SignInThrottle throttle =
      new SignInThrottle(new Settings.SignInLimits(2, 300, 30), clock);

  @Test
  void aFloodOfAddressesCannotGrowTheTablePastItsBound() {
    for (int i = 0; i < 3 * SignInThrottle.MAX_CLIENTS; i++) {
      throttle.failed("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
    }

    assertThat(throttle.size()).isEqualTo(SignInThrottle.MAX_CLIENTS);
  }

  @Test
  void aRecentlyActiveAddressOutlivesTheFlood() {
    throttle.failed("192.0.2.1");
    throttle.failed("192.0.2.1");
    for (int i = 0; i < SignInThrottle.MAX_CLIENTS - 1; i++) {
      throttle.failed("10.0." + (i >> 8 & 255) + "." + (i & 255));
    }

    assertThat(throttle.retryAfterSeconds("192.0.2.1")).isEqualTo(30);
  }

  @Test
  void anAddressWithNothingLeftToRememberIsDropped() {
    throttle.failed("192.0.2.1");
    assertThat(throttle.size()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(300));

    assertThat(throttle.retryAfterSeconds("192.0.2.1")).isZero();
    assertThat(throttle.size()).isZero();
  }

  @Test
  void aLockoutIsRememberedForAWholeQuietWindowAfterItEnds() {
    throttle.failed("192.0.2.1");
    throttle.failed("192.0.2.1");
    clock.advance(Duration.ofSeconds(30 + 299));
    throttle.failed("192.0.2.1");

    assertThat(throttle.failed("192.0.2.1")).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void ipv6AddressesCountPerSlash64() {
    assertThat(SignInThrottle.key("2001:db8:1:2:aaaa::1"))
        .isEqualTo(SignInThrottle.key("2001:db8:1:2:ffff:eeee:dddd:cccc"))
        .isEqualTo("20010db800010002::/64");
    assertThat(SignInThrottle.key("2001:db8:1:3::1"))
        .isNotEqualTo(SignInThrottle.key("2001:db8:1:2::1"));
    assertThat(SignInThrottle.key("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
    assertThat(SignInThrottle.key("192.0.2.1")).isEqualTo("192.0.2.1");

    throttle.failed("2001:db8:1:2::1");
    throttle.failed("2001:db8:1:2::2");

    assertThat(throttle.retryAfterSeconds("2001:db8:1:2::99")).isEqualTo(30);
  }

  @Test
  void oddAddressesAreBoundedKeys() {
    assertThat(SignInThrottle.key(null)).isEqualTo("unknown");
    assertThat(SignInThrottle.key("x".repeat(500))).hasSize(64);
    assertThat(SignInThrottle.key("not:an:address:at:all")).isEqualTo("not:an:address:at:all");
  }
}
