package com.gatewayz.modelpages.catalog;

/**
 * Text from gateways and webhooks made safe to keep: control characters, bidirectional overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069: they reorder what follows, "‮" spoofs a title),
 * direction marks (U+200E, U+200F, U+061C), lone surrogates and noncharacters are removed. Both
 * forms are idempotent, so cleaning stored text again changes nothing.
 */
final class CleanText {

  private CleanText() {}

  /** One line (names, slugs): tabs, line breaks and separators become spaces. */
  static String line(String text) {
    return clean(text, false);
  }

  /**
   * Paragraphs (descriptions): keeps {@code \n} and {@code \t}; {@code \r\n} and {@code \r} become
   * {@code \n}.
   */
  static String paragraphs(String text) {
    return clean(text, true);
  }

  private static String clean(String text, boolean multiline) {
    if (text == null || isClean(text, multiline)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && multiline) {
        out.append('\n');
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (isBreak(c)) {
        out.append(breakAs(c, multiline));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (!isDropped(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  // Called for every string of every listing a refresh parses (100,000 descriptions at scale):
  // printable ASCII, nearly all of it, is decided by one range check.
  private static boolean isClean(String text, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= ' ' && c < '\u007F') {
        continue;
      }
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c)
            || i + 1 >= text.length()
            || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (isDropped(c) || isBreak(c) && !(multiline && (c == '\n' || c == '\t'))) {
        return false;
      }
    }
    return true;
  }

  private static char breakAs(char c, boolean multiline) {
    if (!multiline || c == '\u000B' || c == '\f') {
      return ' ';
    }
    return c == '\t' ? '\t' : '\n';
  }

  // Whitespace controls and Unicode's line and paragraph separators.
  private static boolean isBreak(char c) {
    return c == '\t'
        || c == '\n'
        || c == '\r'
        || c == '\u000B'
        || c == '\f'
        || c == '\u2028'
        || c == '\u2029';
  }

  private static boolean isDropped(char c) {
    return Character.isISOControl(c) && !isBreak(c)
        || c >= '\u202A' && c <= '\u202E'
        || c >= '\u2066' && c <= '\u2069'
        || c == '\u200E'
        || c == '\u200F'
        || c == '\u061C'
        || c == '\uFFFE'
        || c == '\uFFFF'
        || Character.isSurrogate(c);
  }
}
