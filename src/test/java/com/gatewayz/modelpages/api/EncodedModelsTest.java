package com.gatewayz.modelpages.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Architecture;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.ModelJson;
import com.gatewayz.modelpages.catalog.Offer;
import com.gatewayz.modelpages.catalog.Pricing;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodedModelsTest {

  // What Jersey's JSON-B provider writes: the answers' bytes before models were encoded once.
  private static final Jsonb JSONB = JsonbBuilder.create();

  private static Model model(String id, String name, String prompt) {
    return new Model(
            id,
            name,
            "acme",
            "Line one\n\"quoted\" </script><b>\u0000\u001f \u2028 caf\u00e9 \uD83D\uDE80 \\",
            131072L,
            Pricing.perToken(prompt, "0.000002"),
            "groq",
            Architecture.TEXT,
            List.of("tools", "a\"b"),
            1_700_000_000L,
            List.of())
        .withOffers(List.of(new Offer("groq", null, null, null)));
  }

  private static byte[] writtenByJsonb(List<Model> models, int total) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSONB.toJson(new ModelAnswers.Page(models.stream().map(ModelJson::write).toList(), total), out);
    return out.toByteArray();
  }

  @Test
  void aPageIsExactlyWhatJsonbWritesForThePageRecord() {
    List<Model> models =
        List.of(
            model("acme/one", "One \"<hostile>\" & \u00fcml\u00e4ut", "0.000001"),
            model("acme/two", "Two\ttabbed\r\n", "0"));

    byte[] page = new EncodedModels().page(models, 12_345);

    assertThat(new String(page, StandardCharsets.UTF_8))
        .isEqualTo(new String(writtenByJsonb(models, 12_345), StandardCharsets.UTF_8));
    assertThat(new EncodedModels().page(List.of(), 0)).isEqualTo(writtenByJsonb(List.of(), 0));
  }

  @Test
  void aModelIsEncodedOnceAndAChangedModelAgain() {
    EncodedModels encoded = new EncodedModels();
    Model before = model("acme/one", "One", "0.000001");
    Model after = model("acme/one", "One", "0.000009");

    byte[] first = encoded.of(before);

    assertThat(encoded.of(before)).isSameAs(first);
    assertThat(new String(encoded.of(after), StandardCharsets.UTF_8))
        .contains("\"prompt\":\"0.000009\"")
        .doesNotContain("0.000001");
  }
}
