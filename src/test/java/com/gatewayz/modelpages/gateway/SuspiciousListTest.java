package com.gatewayz.modelpages.gateway;

import static com.gatewayz.modelpages.gateway.RefreshFixture.model;
import static com.gatewayz.modelpages.gateway.RefreshFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.gateway.RefreshSummary.GatewayRun;
import com.gatewayz.modelpages.gateway.RefreshSummary.Result;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An empty list, or one with less than half of the gateway's models, is held as a failed fetch
 * until the same list comes three times in a row (the default confirmations).
 */
class SuspiciousListTest {

  private RefreshFixture fixture;

  @BeforeEach
  void start() throws IOException {
    fixture = new RefreshFixture();
    alphaLists(1, 2, 3, 4);
    refresh();
    assertThat(fixture.purges).hasSize(1);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private RefreshSummary refresh() {
    fixture.clock.advance(Duration.ofMinutes(15));
    return fixture.job.runOnce();
  }

  private void alphaLists(int... numbers) {
    fixture.alpha(
        IntStream.of(numbers)
            .mapToObj(n -> model("acme/a" + n, "0.000001"))
            .toArray(String[]::new));
  }

  private int alphaModels() {
    return (int)
        fixture.catalog.current().models().stream().filter(m -> m.id().startsWith("acme/")).count();
  }

  @Test
  void anEmptyListTwiceRetiresNothingAndPurgesNothing() {
    fixture.alpha();

    refresh();
    RefreshSummary second = refresh();

    assertThat(alphaModels()).isEqualTo(4);
    assertThat(fixture.purges).hasSize(1);
    assertThat(run(second, "alpha"))
        .extracting(GatewayRun::result, GatewayRun::models, GatewayRun::removed)
        .containsExactly(Result.FAILED, 4, 0);
    GatewayStatus alpha = fixture.status("alpha");
    assertThat(alpha.lastError())
        .isEqualTo(
            "empty_list: no models listed (4 before); held until the same list comes 3 times in a row (2/3)");
    assertThat(alpha.modelCount()).isEqualTo(4);
    assertThat(alpha.circuitState()).isEqualTo("closed");
  }

  @Test
  void aDropOfMoreThanHalfTwiceRetiresNothing() {
    alphaLists(1);

    refresh();
    RefreshSummary second = refresh();

    assertThat(alphaModels()).isEqualTo(4);
    assertThat(fixture.purges).hasSize(1);
    assertThat(run(second, "alpha").message())
        .startsWith("suspicious_drop: 1 models listed, 4 before (more than half gone)");
  }

  @Test
  void theSameAnswerTheThirdTimeIsAppliedAsUsual() {
    fixture.alpha();
    refresh();
    refresh();

    RefreshSummary third = refresh();
    assertThat(run(third, "alpha").result()).isEqualTo(Result.OK);
    assertThat(fixture.status("alpha").lastError()).isNull();
    RefreshSummary fourth = refresh();

    // Applied lists retire as before: missing from two applied lists in a row.
    assertThat(alphaModels()).isZero();
    assertThat(run(fourth, "alpha").removed()).isEqualTo(4);
    assertThat(fixture.purges.get(fixture.purges.size() - 1).removed()).hasSize(4);
  }

  @Test
  void aDifferentAnswerStartsTheCountAgain() {
    fixture.alpha();
    refresh();
    refresh();
    alphaLists(1);

    RefreshSummary third = refresh();

    assertThat(run(third, "alpha").message()).endsWith("(1/3)");
    assertThat(alphaModels()).isEqualTo(4);
  }

  @Test
  void aNormalAnswerInBetweenClearsTheCount() {
    fixture.alpha();
    refresh();
    refresh();
    alphaLists(1, 2, 3, 4);
    refresh();
    fixture.alpha();

    assertThat(run(refresh(), "alpha").message()).endsWith("(1/3)");
  }

  @Test
  void aSmallDropAndNewModelsApplyAtOnce() {
    alphaLists(1, 2, 5);

    RefreshSummary summary = refresh();

    assertThat(run(summary, "alpha"))
        .extracting(GatewayRun::result, GatewayRun::added)
        .containsExactly(Result.OK, 1);
    assertThat(fixture.catalog.current().find("acme/a5")).isPresent();
    alphaLists(1, 2);
    assertThat(run(refresh(), "alpha").result()).isEqualTo(Result.OK);
  }

  @Test
  void afterARestartTheModelsTheCatalogHoldsAreTheBaseline() {
    fixture.restartJob(3);
    fixture.alpha();

    RefreshSummary summary = refresh();

    assertThat(run(summary, "alpha").message())
        .startsWith("empty_list: no models listed (4 before)");
  }

  @Test
  void oneConfirmationAppliesEveryListAtOnce() {
    fixture.restartJob(1);
    fixture.alpha();

    refresh();
    refresh();

    assertThat(alphaModels()).isZero();
  }
}
