package com.gatewayz.modelpages.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.admin.AdminGuard.Verdict;
import com.gatewayz.modelpages.platform.AuditLog;
import com.gatewayz.modelpages.platform.Settings;
import com.gatewayz.modelpages.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Wrong admin tokens back off per address and are audited; time moves on a hand-moved clock. */
class AdminGuardTest {

  static final String TOKEN = "guard-admin-token-0123456789";
  static final String ATTACKER = "203.0.113.7";
  static final String ADMIN = "198.51.100.2";

  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000L);
  private final AuditLog audit = new AuditLog(clock);
  // 3 failures within 10 minutes lock an address out for 60 s, then 120 s, ...
  private final AdminGuard guard =
      new AdminGuard(Optional.of(TOKEN), new Settings.SignInLimits(3, 600, 60), clock, audit);

  private void fail(String client, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(guard.judge("wrong-" + i, client, "sign-in form")).isEqualTo(Verdict.DENIED);
    }
  }

  @Test
  void theTokenComparisonIsExact() {
    assertThat(guard.judge(TOKEN, ADMIN, "form")).isEqualTo(Verdict.ALLOWED);
    assertThat(guard.judge(TOKEN + " ", "192.0.2.1", "form")).isEqualTo(Verdict.DENIED);
    assertThat(guard.judge("second-admin-token-987654321", "192.0.2.2", "form"))
        .isEqualTo(Verdict.DENIED);
    assertThat(guard.judge(null, "192.0.2.3", "form")).isEqualTo(Verdict.DENIED);
    assertThat(guard.judgeBearer("bearer " + TOKEN + " ", ADMIN, "/admin"))
        .isEqualTo(Verdict.ALLOWED);
    assertThat(guard.judgeBearer("Basic " + TOKEN, "192.0.2.4", "/admin"))
        .isEqualTo(Verdict.DENIED);
  }

  @Test
  void afterTooManyFailuresEvenTheRightTokenIsThrottledUntilTheLockoutEnds() {
    fail(ATTACKER, 3);

    assertThat(guard.judge(TOKEN, ATTACKER, "sign-in form")).isEqualTo(Verdict.THROTTLED);
    assertThat(guard.retryAfterSeconds(ATTACKER)).isEqualTo(60);
    clock.advance(Duration.ofSeconds(59));
    assertThat(guard.retryAfterSeconds(ATTACKER)).isEqualTo(1);
    assertThat(guard.judge(TOKEN, ATTACKER, "sign-in form")).isEqualTo(Verdict.THROTTLED);

    clock.advance(Duration.ofSeconds(1));

    assertThat(guard.retryAfterSeconds(ATTACKER)).isZero();
    assertThat(guard.judge(TOKEN, ATTACKER, "sign-in form")).isEqualTo(Verdict.ALLOWED);
  }

  @Test
  void failuresSpreadBeyondTheWindowNeverLockOut() {
    for (int i = 0; i < 10; i++) {
      fail(ATTACKER, 2);
      clock.advance(Duration.ofSeconds(601));
    }

    assertThat(guard.judge(TOKEN, ATTACKER, "form")).isEqualTo(Verdict.ALLOWED);
  }

  @Test
  void eachFurtherLockoutDoublesUpToAnHour() {
    long[] lockouts = new long[9];
    for (int n = 0; n < lockouts.length; n++) {
      fail(ATTACKER, 3);
      lockouts[n] = guard.retryAfterSeconds(ATTACKER);
      clock.advance(Duration.ofSeconds(lockouts[n]));
    }

    assertThat(lockouts).containsExactly(60, 120, 240, 480, 960, 1920, 3600, 3600, 3600);
  }

  @Test
  void aSuccessfulSignInForgetsTheFailuresAndTheDoubling() {
    fail(ATTACKER, 3);
    clock.advance(Duration.ofSeconds(60));
    fail(ATTACKER, 2);
    assertThat(guard.judge(TOKEN, ATTACKER, "form")).isEqualTo(Verdict.ALLOWED);

    fail(ATTACKER, 2);
    assertThat(guard.retryAfterSeconds(ATTACKER)).isZero();
    fail(ATTACKER, 1);
    assertThat(guard.retryAfterSeconds(ATTACKER)).isEqualTo(60);
  }

  @Test
  void aLockedOutAddressDoesNotLockOutAnother() {
    fail(ATTACKER, 3);

    assertThat(guard.judgeBearer("Bearer " + TOKEN, ADMIN, "/api/cache"))
        .isEqualTo(Verdict.ALLOWED);
    assertThat(guard.judge(TOKEN, ATTACKER, "form")).isEqualTo(Verdict.THROTTLED);
  }

  @Test
  void everyWrongTokenAndEachLockoutIsAuditedWithTheAddressNeverTheToken() {
    fail(ATTACKER, 3);

    assertThat(audit.entries())
        .extracting(AuditLog.Entry::kind, AuditLog.Entry::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sign-in", "locked-out"),
            org.assertj.core.groups.Tuple.tuple("sign-in", "denied"),
            org.assertj.core.groups.Tuple.tuple("sign-in", "denied"),
            org.assertj.core.groups.Tuple.tuple("sign-in", "denied"));
    assertThat(audit.entries().get(0).detail()).isEqualTo(ATTACKER + " locked out for 60 s");
    assertThat(audit.entries().get(1).detail())
        .isEqualTo("wrong token from " + ATTACKER + " (sign-in form)");
    assertThat(audit.entries()).allSatisfy(e -> assertThat(e.detail()).doesNotContain("wrong-"));
  }
}
