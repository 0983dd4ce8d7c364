package com.gatewayz.modelpages.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** One reader, two modes: the same odd value is absent when lenient and refused when strict. */
class JsonFieldReaderTest {

  static final class Refused extends Exception {
    Refused(String field, String problem) {
      super(field + ": " + problem);
    }
  }

  private final JsonFieldReader<RuntimeException> lenient = JsonFieldReader.LENIENT;
  private final JsonFieldReader<Refused> strict = JsonFieldReader.strict(Refused::new);
  private final JsonObject json =
      JsonSupport.JSON
          .createReader(
              new StringReader(
                  "{\"n\":12,\"f\":8192.0,\"half\":1.5,\"neg\":-1,\"s\":\"text\",\"o\":{},\"a\":[\"x\",2],"
                      + "\"nul\":null,\"d\":\" 0.000003 \",\"huge\":1000000000000000000000000000000}"))
          .readObject();

  @Test
  void absentNullAndANullObjectAreAbsentInBothModes() throws Refused {
    assertThat(lenient.string(json, "missing", "m", 10)).isNull();
    assertThat(strict.string(json, "nul", "m", 10)).isNull();
    assertThat(strict.object(null, "o", "m")).isNull();
    assertThat(JsonFieldReader.isAbsent(json, "nul")).isTrue();
  }

  @Test
  void aValueOfTheWrongTypeIsAbsentWhenLenientAndRefusedWithItsPathWhenStrict() {
    assertThat(lenient.string(json, "n", "m", 10)).isNull();
    assertThat(lenient.object(json, "s", "m")).isNull();
    assertThat(lenient.array(json, "o", "m", 10)).isNull();
    assertThatThrownBy(() -> strict.string(json, "n", "models[3]", 10))
        .hasMessage("models[3].n: must be a string");
    assertThatThrownBy(() -> strict.object(json, "s", "")).hasMessage("s: must be an object");
    assertThatThrownBy(() -> strict.array(json, "a", "m", 1))
        .hasMessage("m.a: has more than 1 items");
    assertThatThrownBy(() -> strict.strings(json, "a", "m", 5, 10))
        .hasMessage("m.a[1]: must be a string");
    assertThat(lenient.strings(json, "a", "m", 5, 10)).containsExactly("x");
  }

  @Test
  void wholeNumbersAreBoundedAndStrictTakesThemAsWritten() throws Refused {
    assertThat(strict.wholeNumber(json, "n", "m", 0, 100)).isEqualTo(12L);
    assertThat(lenient.wholeNumber(json, "f", "m", 1, 10_000)).isEqualTo(8192L);
    assertThat(lenient.wholeNumber(json, "half", "m", 1, 10)).isNull();
    assertThat(lenient.wholeNumber(json, "neg", "m", 1, 10)).isNull();
    assertThatThrownBy(() -> strict.wholeNumber(json, "f", "m", 0, 10_000))
        .hasMessage("m.f: must be a whole number");
    assertThatThrownBy(() -> strict.wholeNumber(json, "neg", "m", 0, 10))
        .hasMessage("m.neg: must be between 0 and 10");
  }

  @Test
  void decimalsAndIntegersReadTheSameInBothModes() throws Refused {
    assertThat(strict.decimal(json, "d", "m")).isEqualByComparingTo(new BigDecimal("0.000003"));
    assertThat(strict.integer(json, "huge", "m")).isNull();
    assertThat(lenient.decimal(json, "s", "m")).isNull();
    assertThatThrownBy(() -> strict.decimal(json, "s", "m"))
        .hasMessage("m.s: must be a decimal number such as \"0.000003\"");
  }
}
