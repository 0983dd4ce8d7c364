package com.gatewayz.modelpages.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.gateway.GatewayStatus;
import com.gatewayz.modelpages.gateway.RefreshSchedule;
import com.gatewayz.modelpages.gateway.RefreshSummary;
import com.gatewayz.modelpages.isr.Invalidation;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The records answer byte for byte what the earlier {@code Map} answers did (expected strings
 * captured from them): field order, names, and nulls written where a map held a null. Serialised by
 * a default {@link Jsonb}, as Jersey's JSON-B provider does.
 */
class ApiAnswersJsonTest {

  private static final Instant T = Instant.ofEpochSecond(1_700_000_000L);
  private final Jsonb jsonb = JsonbBuilder.create();
  private final GatewayStatus status =
      new GatewayStatus("groq", "Groq", true, false, T, null, 3, null, "boom", "closed", null);

  @Test
  void aGatewayKeepsItsOrderAndNullsAndShowsTheErrorTextOnlyWithDetails() {
    assertThat(jsonb.toJson(GatewayAnswers.Gateway.of(status, false)))
        .isEqualTo(
            "{\"id\":\"groq\",\"name\":\"Groq\",\"enabled\":true,\"deprecated\":false,"
                + "\"last_attempt\":\"2023-11-14T22:13:20Z\",\"last_success\":null,\"model_count\":3,"
                + "\"last_error\":null,\"circuit_state\":\"closed\",\"skipped_reason\":null}");
    assertThat(jsonb.toJson(GatewayAnswers.Gateway.of(status, true)))
        .contains("\"last_error\":null,\"last_error_detail\":\"boom\",\"circuit_state\"");
  }

  @Test
  void withDetailsAGatewayWithoutAnErrorSaysSoWithANull() {
    GatewayStatus fine =
        new GatewayStatus("groq", "Groq", true, false, T, T, 3, null, null, "closed", null);

    assertThat(jsonb.toJson(GatewayAnswers.Gateway.of(fine, true)))
        .contains("\"last_error\":null,\"last_error_detail\":null,\"circuit_state\"");
  }

  @Test
  void theGatewayListStartsWithTheScheduleAndEndsWithTheTotal() {
    String json =
        jsonb.toJson(
            GatewayAnswers.Gateways.of(new RefreshSchedule("thread", 900), List.of(status), false));

    assertThat(json)
        .startsWith(
            "{\"refresh\":{\"scheduler\":\"thread\",\"interval_seconds\":900,\"runs\":0,"
                + "\"last_run\":null},\"gateways\":[{\"id\":\"groq\",")
        .endsWith("\"skipped_reason\":null}],\"total\":1}");
  }

  @Test
  void aRefreshSummaryKeepsItsOrderAndNulls() {
    RefreshSummary summary =
        new RefreshSummary(
            T,
            12,
            false,
            List.of(
                new RefreshSummary.GatewayRun(
                    "groq", RefreshSummary.Result.OK, 3, 1, 0, 0, 1, 5, null, null)),
            3,
            1,
            0,
            0,
            null);

    assertThat(jsonb.toJson(GatewayAnswers.Refresh.of(summary)))
        .isEqualTo(
            "{\"started_at\":\"2023-11-14T22:13:20Z\",\"millis\":12,\"already_running\":false,"
                + "\"models\":3,\"added\":1,\"changed\":0,\"removed\":0,\"error\":null,\"gateways\":"
                + "[{\"id\":\"groq\",\"result\":\"ok\",\"models\":3,\"added\":1,\"changed\":0,"
                + "\"removed\":0,\"attempts\":1,\"millis\":5,\"message\":null,\"error_class\":null}]}");
  }

  @Test
  void anInvalidationSaysWhatWasPurgedAndWhen() {
    Invalidation done = new Invalidation(List.of("model:a/b"), List.of("/models/a/b"));

    assertThat(jsonb.toJson(CacheAnswers.Invalidated.of(done, 1_700_000_000_123L)))
        .isEqualTo(
            "{\"success\":true,\"invalidated\":{\"tags\":[\"model:a/b\"],\"paths\":[\"/models/a/b\"]},"
                + "\"timestamp\":1700000000123}");
  }
}
