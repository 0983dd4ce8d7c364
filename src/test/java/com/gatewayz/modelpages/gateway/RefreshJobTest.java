package com.gatewayz.modelpages.gateway;

import static com.gatewayz.modelpages.gateway.RefreshFixture.model;
import static com.gatewayz.modelpages.gateway.RefreshFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.gateway.RefreshSummary.GatewayRun;
import com.gatewayz.modelpages.gateway.RefreshSummary.Result;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a refresh does to the catalog and its purges. */
class RefreshJobTest {

  private RefreshFixture fixture;

  @BeforeEach
  void start() throws IOException {
    fixture = new RefreshFixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private RefreshSummary refresh() {
    return fixture.job.runOnce();
  }

  @Test
  void newModelsAppearAfterOneRefreshWithOnePurgePass() {
    RefreshSummary summary = refresh();

    assertThat(fixture.catalog.current().find("acme/a1")).isPresent();
    assertThat(fixture.catalog.current().find("beta/b1")).isPresent();
    assertThat(fixture.purges).hasSize(1);
    assertThat(fixture.purges.get(0).added()).containsExactlyInAnyOrder("acme/a1", "beta/b1");
    assertThat(summary)
        .extracting(RefreshSummary::added, RefreshSummary::models)
        .containsExactly(2, 2);
    assertThat(run(summary, "alpha"))
        .extracting(GatewayRun::result, GatewayRun::models, GatewayRun::added, GatewayRun::attempts)
        .containsExactly(Result.OK, 1, 1, 1);
  }

  @Test
  void aPriceChangeIsAppliedByTheNextRefresh() {
    refresh();
    fixture.alpha(model("acme/a1", "0.000005"));

    RefreshSummary summary = refresh();

    Model model = fixture.catalog.current().find("acme/a1").orElseThrow();
    assertThat(model.offers().get(0).pricing().prompt())
        .isEqualByComparingTo(new BigDecimal("0.000005"));
    assertThat(fixture.purges).hasSize(2);
    assertThat(fixture.purges.get(1).changed()).containsExactly("acme/a1");
    assertThat(run(summary, "alpha").changed()).isEqualTo(1);
  }

  @Test
  void aRefreshWithNoChangePurgesNothing() {
    refresh();
    fixture.clock.advance(Duration.ofMinutes(15));

    RefreshSummary summary = refresh();

    assertThat(fixture.purges).hasSize(1);
    assertThat(summary.added() + summary.changed() + summary.removed()).isZero();
  }

  @Test
  void aFailingGatewayKeepsItsModelsAndShowsTheError() {
    refresh();
    Instant firstRun = fixture.clock.instant();
    fixture.clock.advance(Duration.ofMinutes(15));
    fixture.stub.status("/beta", 503);

    RefreshSummary summary = refresh();

    assertThat(fixture.catalog.current().find("beta/b1")).isPresent();
    assertThat(run(summary, "beta"))
        .extracting(
            GatewayRun::result, GatewayRun::message, GatewayRun::models, GatewayRun::attempts)
        .containsExactly(Result.FAILED, "HTTP 503", 1, 2);
    assertThat(run(summary, "beta").errorClass()).isEqualTo("http_503");
    GatewayStatus beta = fixture.status("beta");
    assertThat(beta.lastError()).isEqualTo("HTTP 503");
    assertThat(beta.lastErrorClass()).isEqualTo("http_503");
    assertThat(beta.lastSuccess()).isEqualTo(firstRun);
    assertThat(beta.lastAttempt()).isEqualTo(fixture.clock.instant());
    assertThat(beta.modelCount()).isEqualTo(1);
    assertThat(fixture.status("alpha").lastError()).isNull();
  }

  @Test
  void withNoGatewayReachableTheCatalogStaysAsItWas() {
    refresh();
    fixture.stub.status("/alpha", 500);
    fixture.stub.status("/beta", 500);

    RefreshSummary summary = refresh();

    assertThat(fixture.catalog.current().size()).isEqualTo(2);
    assertThat(fixture.purges).hasSize(1);
    assertThat(summary.count(Result.FAILED)).isEqualTo(2);
    assertThat(summary.error()).isNull();
  }

  @Test
  void aModelMissingFromTwoRefreshesInARowIsRetired() {
    fixture.alpha(model("acme/a1", "0.000001"), model("acme/a2", "0.000001"));
    refresh();
    fixture.alpha(model("acme/a1", "0.000001"));

    refresh();
    assertThat(fixture.catalog.current().find("acme/a2")).isPresent();
    RefreshSummary summary = refresh();

    assertThat(fixture.catalog.current().find("acme/a2")).isEmpty();
    assertThat(fixture.catalog.current().retired("acme/a2")).isPresent();
    assertThat(fixture.purges.get(fixture.purges.size() - 1).removed()).containsExactly("acme/a2");
    assertThat(run(summary, "alpha").removed()).isEqualTo(1);
  }

  @Test
  void aGatewayWithoutItsKeyIsSkippedAndADisabledOneIsNotFetched() {
    RefreshSummary summary = refresh();

    assertThat(run(summary, "gamma"))
        .extracting(GatewayRun::result, GatewayRun::message)
        .containsExactly(Result.SKIPPED, "GAMMA_API_KEY is not set");
    assertThat(summary.gateways())
        .extracting(GatewayRun::id)
        .containsExactly("alpha", "beta", "gamma");
    assertThat(fixture.stub.hits("/gamma") + fixture.stub.hits("/delta")).isZero();
  }
}
