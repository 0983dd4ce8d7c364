package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.catalog.GatewayNames;
import com.gatewayz.modelpages.platform.JsonFieldReader;
import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the envelope of a webhook body: the JSON itself, gateway, event type, time, status. */
final class EventJson {

  // DESIGN: timestamps above 10^12 are milliseconds, the rest seconds.
  private static final BigDecimal MILLIS_THRESHOLD = BigDecimal.TEN.pow(12);
  // A future event time would win over every later event and refresh of its models, so it is
  // bounded by the receive time plus generous clock skew.
  static final Duration MAX_FUTURE_SKEW = Duration.ofHours(1);
  // Any case: an id or alias is looked up case-insensitively.
  private static final Pattern GATEWAY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
  private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");
  private static final Pattern STATUS = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** The strict field reader of webhook bodies: an odd value is a 400 naming the field. */
  static final JsonFieldReader<InvalidEventException> FIELDS =
      JsonFieldReader.strict(InvalidEventException::new);

  private EventJson() {}

  static WebhookEvent read(
      byte[] body, long receivedAt, boolean timestampRequired, GatewayNames gateways)
      throws InvalidEventException {
    JsonObject json = parse(body);
    String gateway =
        gatewayId(
            token(json, "gateway", GATEWAY, "a gateway id or alias such as \"openrouter\""),
            gateways);
    String eventType = token(json, "event_type", EVENT_TYPE, "1 to 64 of A-Z a-z 0-9 . _ : / -");
    long eventTime = eventTime(json, receivedAt, timestampRequired);
    EventType type = EventType.fromWireName(eventType).orElse(null);
    if (type == null) {
      return new WebhookEvent(gateway, eventType, List.of(), List.of(), null, eventTime);
    }
    return switch (type) {
      case MODELS_ADDED, MODELS_UPDATED ->
          new WebhookEvent(
              gateway,
              eventType,
              EventModels.listings(json, gateway, gateways),
              List.of(),
              null,
              eventTime);
      case MODELS_REMOVED ->
          new WebhookEvent(gateway, eventType, List.of(), EventModels.ids(json), null, eventTime);
      case GATEWAY_STATUS_CHANGED ->
          new WebhookEvent(gateway, eventType, List.of(), List.of(), status(json), eventTime);
    };
  }

  private static JsonObject parse(byte[] body) throws InvalidEventException {
    String text = utf8(body);
    if (text.isBlank()) {
      throw InvalidEventException.invalidJson("the body is empty");
    }
    try (JsonParser parser = JsonSupport.JSON.createParser(new StringReader(text))) {
      if (parser.next() != JsonParser.Event.START_OBJECT) {
        throw InvalidEventException.invalidJson("the body must be a JSON object");
      }
      JsonObject object = parser.getObject();
      if (parser.hasNext()) {
        throw InvalidEventException.invalidJson("unexpected content after the object");
      }
      return object;
    } catch (JsonParsingException e) {
      throw InvalidEventException.invalidJson("syntax error " + where(e.getLocation()));
    } catch (JsonException | UnsupportedOperationException e) {
      // Not e's message: parser messages may quote the input. Parsson signals numbers over its
      // length limit with UnsupportedOperationException.
      throw InvalidEventException.invalidJson("the body cannot be read");
    } catch (RuntimeException e) {
      // Parsson signals nesting beyond its depth limit with a bare RuntimeException.
      throw InvalidEventException.invalidJson("the body is nested too deeply or cannot be read");
    }
  }

  private static String utf8(byte[] body) throws InvalidEventException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw InvalidEventException.invalidJson("the body is not UTF-8");
    }
  }

  private static String where(JsonLocation location) {
    return location == null
        ? "in the body"
        : "at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
  }

  private static String token(JsonObject json, String field, Pattern pattern, String shape)
      throws InvalidEventException {
    if (JsonFieldReader.isAbsent(json, field)) {
      throw new InvalidEventException(field, "is required");
    }
    String text = FIELDS.string(json, field, "", Integer.MAX_VALUE);
    if (!pattern.matcher(text).matches()) {
      throw new InvalidEventException(field, "must be " + shape);
    }
    return text;
  }

  // An alias is kept under its gateway's id; a name no gateway has would be a namespace of its own
  // that no refresh ever clears.
  private static String gatewayId(String name, GatewayNames gateways) throws InvalidEventException {
    return gateways
        .idOf(name)
        .orElseThrow(
            () ->
                new InvalidEventException(
                    "gateway",
                    "unknown gateway '" + name + "'; known: " + String.join(", ", gateways.ids())));
  }

  private static String status(JsonObject json) throws InvalidEventException {
    return token(json, "status", STATUS, "1 to 64 of A-Z a-z 0-9 . _ - (such as \"down\")");
  }

  private static long eventTime(JsonObject json, long receivedAt, boolean required)
      throws InvalidEventException {
    JsonValue value = json.get("timestamp");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        throw new InvalidEventException(
            "timestamp",
            "is required with the x-webhook-signature scheme, which signs no time of its own");
      }
      return receivedAt;
    }
    if (!(value instanceof JsonNumber number)) {
      throw new InvalidEventException(
          "timestamp", "must be a number of epoch seconds or milliseconds");
    }
    BigDecimal raw = number.bigDecimalValue();
    if (raw.signum() < 0) {
      throw new InvalidEventException("timestamp", "must not be negative");
    }
    BigDecimal millis = raw.compareTo(MILLIS_THRESHOLD) > 0 ? raw : raw.movePointRight(3);
    long latest = receivedAt + MAX_FUTURE_SKEW.toMillis();
    if (millis.compareTo(BigDecimal.valueOf(latest)) > 0) {
      throw new InvalidEventException("timestamp", "is more than 1 hour ahead of the server clock");
    }
    return millis.setScale(0, RoundingMode.FLOOR).longValueExact();
  }
}
