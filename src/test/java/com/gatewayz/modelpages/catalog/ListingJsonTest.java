package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ListingJsonTest {

  private static Listing withRepo(String repo) {
    return Listing.builder("qwen/qwen3-8b")
        .gatewayModelId("qwen/qwen3-8b")
        .canonicalSlug("qwen/qwen3-8b-04-28")
        .name("Qwen3 8B")
        .contextLength(40960L)
        .pricing(Pricing.perToken("0.00000005", "0.0000004"))
        .huggingFaceId(repo)
        .build();
  }

  private static JsonObject parse(String json) {
    return JsonSupport.JSON.createReader(new StringReader(json)).readObject();
  }

  @Test
  void theHuggingFaceIdIsStoredAndReadBack() throws Exception {
    Listing listing = withRepo("Qwen/Qwen3-8B");

    JsonObject stored = ListingJson.write(listing);

    assertThat(stored.getString("hugging_face_id")).isEqualTo("Qwen/Qwen3-8B");
    assertThat(ListingJson.read(stored, "x")).isEqualTo(listing);
  }

  @Test
  void aListingStoredBeforeTheFieldExistedReadsWithoutOne() throws Exception {
    Listing read = ListingJson.read(parse("{\"id\":\"qwen/qwen3-8b\",\"name\":\"Qwen3 8B\"}"), "x");

    assertThat(read.huggingFaceId()).isNull();
    assertThat(ListingJson.write(read).containsKey("hugging_face_id")).isFalse();
  }

  @Test
  void anInvalidStoredHuggingFaceIdIsDroppedNotFatal() throws Exception {
    Listing read =
        ListingJson.read(
            parse("{\"id\":\"qwen/qwen3-8b\",\"hugging_face_id\":\"../../etc\"}"), "x");

    assertThat(read.huggingFaceId()).isNull();
  }
}
