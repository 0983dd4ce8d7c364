package com.gatewayz.modelpages.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.webhook.WebhookResult.Outcome;
import org.junit.jupiter.api.Test;

/** Which webhook answers tell the sender when to send again. */
class WebhookAnswersTest {

  @Test
  void anIdStillInFlightAndAChangeNotPurgedSayWhenToRetry() {
    assertThat(WebhookAnswers.retryAfter(Outcome.IN_FLIGHT))
        .hasValue(WebhookAnswers.BUSY_RETRY_AFTER_SECONDS);
    assertThat(WebhookAnswers.retryAfter(Outcome.NOT_PURGED))
        .hasValue(WebhookAnswers.UNAVAILABLE_RETRY_AFTER_SECONDS);
  }

  @Test
  void answersThatNeedNoRetryCarryNoRetryAfter() {
    assertThat(WebhookAnswers.retryAfter(Outcome.OK)).isEmpty();
    assertThat(WebhookAnswers.retryAfter(Outcome.DUPLICATE)).isEmpty();
    assertThat(WebhookAnswers.retryAfter(Outcome.INVALID)).isEmpty();
  }
}
