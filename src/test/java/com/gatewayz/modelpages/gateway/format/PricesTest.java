package com.gatewayz.modelpages.gateway.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Pricing;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PricesTest {

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  @Test
  void perTokenReadsStringsAndNumbersExactly() {
    Pricing pricing = Prices.perToken(json("{\"p\":\"0.000003\",\"c\":0.000015}"), "p", "c");
    assertThat(pricing.prompt()).isEqualByComparingTo(new BigDecimal("0.000003"));
    assertThat(pricing.completion().toPlainString()).isEqualTo("0.000015");
  }

  @Test
  void perMillionDividesWithoutDoubleArithmetic() {
    Pricing pricing = Prices.perMillion(json("{\"i\":0.1,\"o\":3}"), "i", "o");
    // 0.1 as a double would give 1.0000000000000001E-7.
    assertThat(pricing.prompt().toPlainString()).isEqualTo("0.0000001");
    assertThat(pricing.completion().toPlainString()).isEqualTo("0.000003");
  }

  @Test
  void unparseableOrAbsurdPartsAreUnknown() {
    JsonObject prices =
        json("{\"a\":\"abc\",\"b\":\"1e999999\",\"c\":\"\",\"d\":null,\"e\":[1],\"f\":\"1e-40\"}");
    for (String key : new String[] {"a", "b", "c", "d", "e", "f", "missing"}) {
      assertThat(Prices.decimal(prices.get(key))).as(key).isNull();
    }
    assertThat(Prices.perToken(null, "a", "b")).isSameAs(Pricing.UNKNOWN);
  }

  @Test
  void minusOneStaysMinusOne() {
    assertThat(Prices.decimal(json("{\"p\":\"-1\"}").get("p"))).isEqualByComparingTo("-1");
  }
}
