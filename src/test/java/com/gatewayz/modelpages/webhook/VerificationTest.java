package com.gatewayz.modelpages.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gatewayz.modelpages.webhook.Verification.Outcome;
import org.junit.jupiter.api.Test;

class VerificationTest {

  @Test
  void validCarriesIdAndNoReason() {
    Verification valid = Verification.valid("msg_1");

    assertThat(valid.isValid()).isTrue();
    assertThat(valid.outcome()).isEqualTo(Outcome.VALID);
    assertThat(valid.webhookId()).isEqualTo("msg_1");
    assertThat(valid.reason()).isNull();
  }

  @Test
  void invalidCarriesReasonAndNoId() {
    Verification invalid = Verification.invalid("signature mismatch");

    assertThat(invalid.isValid()).isFalse();
    assertThat(invalid.webhookId()).isNull();
    assertThat(invalid.reason()).isEqualTo("signature mismatch");
  }

  @Test
  void rejectsInconsistentFields() {
    assertThatThrownBy(() -> new Verification(Outcome.VALID, null, "why"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Verification.invalid(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Verification(Outcome.INVALID, "msg_1", "why"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Verification(null, null, null))
        .isInstanceOf(NullPointerException.class);
  }
}
