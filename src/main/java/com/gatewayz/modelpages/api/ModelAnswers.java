package com.gatewayz.modelpages.api;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.util.List;

/**
 * The answers of {@link ModelsResource} as JSON-B records. The model inside is the object {@code
 * catalog.ModelJson} writes (its one JSON shape, shared with the store and the webhook), held as a
 * component that JSON-B writes as it is.
 */
final class ModelAnswers {

  private ModelAnswers() {}

  /** {@code GET /api/models}: one page of models and how many match in all. */
  @JsonbPropertyOrder({"data", "total"})
  public record Page(List<JsonObject> data, int total) {}

  /** {@code GET /api/models/{id}}: the model's fields, then its other ids, in one flat object. */
  @JsonbTypeSerializer(OneModel.Flat.class)
  public record OneModel(JsonObject model, List<String> aliases) {

    /** JSON-B cannot unwrap a component: the model's fields are copied, then {@code aliases}. */
    public static final class Flat implements JsonbSerializer<OneModel> {

      @Override
      public void serialize(OneModel answer, JsonGenerator out, SerializationContext context) {
        out.writeStartObject();
        answer.model().forEach(out::write);
        out.writeStartArray("aliases");
        answer.aliases().forEach(out::write);
        out.writeEnd().writeEnd();
      }
    }
  }
}
