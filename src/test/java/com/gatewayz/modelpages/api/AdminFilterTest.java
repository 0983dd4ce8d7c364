package com.gatewayz.modelpages.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gatewayz.modelpages.admin.AdminGuard;
import com.gatewayz.modelpages.platform.AuditLog;
import com.gatewayz.modelpages.platform.Settings;
import com.gatewayz.modelpages.testing.MutableClock;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The admin API's answers to wrong tokens (moved from AdminGuardTest with the check itself). */
class AdminFilterTest {

  static final String TOKEN = "guard-admin-token-0123456789";
  static final String ATTACKER = "203.0.113.7";
  static final String ADMIN = "198.51.100.2";

  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000L);
  private final AuditLog audit = new AuditLog(clock);
  // 3 failures within 10 minutes lock an address out for 60 s, then 120 s, ...
  private final AdminGuard guard =
      new AdminGuard(Optional.of(TOKEN), new Settings.SignInLimits(3, 600, 60), clock, audit);
  private final AdminFilter filter = new AdminFilter(guard);

  private static int status(Runnable call) {
    try {
      call.run();
      return 200;
    } catch (WebApplicationException e) {
      return e.getResponse().getStatus();
    }
  }

  @Test
  void theApiAnswers401Then429WithRetryAfterAndNeverCountsAMissingHeader() {
    for (int i = 0; i < 10; i++) {
      assertThat(status(() -> filter.check(null, ATTACKER, "/api/cache"))).isEqualTo(401);
    }
    assertThat(status(() -> filter.check("Bearer nope", ATTACKER, "/api/cache"))).isEqualTo(401);
    assertThat(status(() -> filter.check("Bearer nope", ATTACKER, "/api/cache"))).isEqualTo(401);
    assertThat(status(() -> filter.check("Bearer nope", ATTACKER, "/api/cache"))).isEqualTo(401);

    assertThatThrownBy(() -> filter.check("Bearer " + TOKEN, ATTACKER, "/api/cache"))
        .isInstanceOfSatisfying(
            WebApplicationException.class,
            e -> {
              assertThat(e.getResponse().getStatus()).isEqualTo(429);
              assertThat(e.getResponse().getHeaderString("Retry-After")).isEqualTo("60");
              assertThat(((ErrorBody) e.getResponse().getEntity()).error())
                  .isEqualTo("too many wrong admin tokens from this address; retry in 60 seconds");
            });
    assertThat(status(() -> filter.check("Bearer " + TOKEN, ADMIN, "/api/cache"))).isEqualTo(200);
  }

  @Test
  void withAdminOffTheApiIs503() {
    AdminGuard off =
        new AdminGuard(Optional.empty(), new Settings.SignInLimits(3, 600, 60), clock, audit);

    assertThat(status(() -> new AdminFilter(off).check("Bearer " + TOKEN, ADMIN, "/api/cache")))
        .isEqualTo(503);
  }
}
