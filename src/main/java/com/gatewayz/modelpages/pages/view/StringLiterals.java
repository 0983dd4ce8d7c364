package com.gatewayz.modelpages.pages.view;

/** Quoted string literals for the languages of the code samples. */
final class StringLiterals {

  private StringLiterals() {}

  /**
   * A double-quoted literal valid in JSON, JavaScript/TypeScript and Python 3: backslash, quote,
   * control characters and the JavaScript line separators escaped as {@code \\uXXXX}.
   */
  static String doubleQuoted(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /**
   * Text made safe inside a POSIX shell single-quoted string: each {@code '} becomes {@code '\''}.
   */
  static String insideShellSingleQuotes(String value) {
    return value.replace("'", "'\\''");
  }
}
