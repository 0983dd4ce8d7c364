package com.gatewayz.modelpages.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gatewayz.modelpages.platform.InvalidSettingException;
import com.gatewayz.modelpages.testing.MutableClock;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Start-up refuses webhook secrets too short to be secret, naming the setting, never the secret.
 */
class WebhookSecretsTest {

  private static final Clock CLOCK = MutableClock.atEpochSeconds(1_700_000_000L);

  private static String whsec(int keyBytes) {
    byte[] key = new byte[keyBytes];
    for (int i = 0; i < keyBytes; i++) {
      key[i] = (byte) ('k' + i);
    }
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Zq7", "short-secret", "fifteen-chars-x"})
  void aShortPlainSecretStopsStartUpWithoutShowingIt(String secret) {
    assertThatThrownBy(() -> WebhookVerifier.fromSetting(secret, CLOCK))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("MODEL_WEBHOOK_SECRET")
        .hasMessageContaining("16 characters")
        .hasMessageNotContaining(secret);
  }

  @Test
  void oneShortSecretAmongSeveralIsEnoughToStop() {
    assertThatThrownBy(() -> WebhookVerifier.fromSetting("long-enough-secret-0123, tiny", CLOCK))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageNotContaining("tiny")
        .hasMessageNotContaining("long-enough");
  }

  @Test
  void aWhsecKeyShorterThanSixteenBytesStopsStartUpWithoutShowingIt() {
    String secret = whsec(15);

    assertThatThrownBy(() -> WebhookVerifier.fromSetting(secret, CLOCK))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("MODEL_WEBHOOK_SECRET")
        .hasMessageContaining("16 bytes")
        .hasMessageNotContaining(secret.substring(6));
  }

  @Test
  void sixteenCharactersOrSixteenKeyBytesAreEnough() {
    assertThat(WebhookVerifier.fromSetting("sixteen-chars-xy", CLOCK)).isPresent();
    assertThat(WebhookVerifier.fromSetting(whsec(16), CLOCK)).isPresent();
    assertThat(WebhookVerifier.fromSetting("sixteen-chars-xy," + whsec(32), CLOCK)).isPresent();
  }

  @Test
  void theMinimaAreTheDocumentedOnes() {
    assertThat(WebhookSecrets.MIN_SECRET_CHARS).isEqualTo(16);
    assertThat(WebhookSecrets.MIN_KEY_BYTES).isEqualTo(16);
  }
}
