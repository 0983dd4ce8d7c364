package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceFormatTest {

  @ParameterizedTest
  @CsvSource({
    "0.0000007, $0.70 / 1M",
    "7E-7, $0.70 / 1M",
    "0.000003, $3.00 / 1M",
    "0.000015, $15.00 / 1M",
    "0.00000001, $0.01 / 1M",
    "0.0000000075, $0.0075 / 1M",
    "0.00000000012345, $0.0001235 / 1M",
    "0.0000000099999, $0.01 / 1M",
    "0.001234, '$1,234.00 / 1M'",
    "0, Free",
    "0.000, Free",
    "-1, Variable"
  })
  void pricesPerTokenShowPerMillionTokens(String perToken, String shown) {
    assertThat(PriceFormat.perMillion(new BigDecimal(perToken))).isEqualTo(shown);
  }

  @Test
  void unknownPricesShowADash() {
    assertThat(PriceFormat.perMillion(null)).isEqualTo("\u2014");
  }

  @Test
  void exponentNotationNeverAppears() {
    for (int exponent = 1; exponent <= 20; exponent++) {
      BigDecimal price = BigDecimal.ONE.scaleByPowerOfTen(-exponent);
      assertThat(PriceFormat.perMillion(price)).doesNotContain("E").doesNotContain("e");
    }
  }

  @Test
  void aNegativePriceIsVariableAndNeverFree() {
    Pricing router = Pricing.perToken("-1", "-1");

    assertThat(router.isVariable()).isTrue();
    assertThat(router.isFree()).isFalse();
    assertThat(Pricing.perToken("0", "0").isFree()).isTrue();
    assertThat(Pricing.UNKNOWN.isFree()).isFalse();
  }
}
