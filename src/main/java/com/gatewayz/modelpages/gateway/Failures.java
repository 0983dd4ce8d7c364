package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.gateway.format.ListFormatException;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/** Short, human-readable words for why a fetch failed, and which failures are worth a retry. */
final class Failures {

  private static final int MAX_MESSAGE = 300;

  private Failures() {}

  /** Worth another attempt: network trouble, timeouts and 5xx; never 4xx, size or parse errors. */
  static boolean isRetryable(Throwable e) {
    if (e instanceof HttpStatusException status) {
      return status.isServerError();
    }
    return e instanceof IOException && !(e instanceof ResponseTooLargeException);
  }

  /** "HTTP 503", "no answer within 2.5 s", or the exception's own words; never a stack trace. */
  static String describe(Throwable e, Duration timeout) {
    String text = words(e, timeout);
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
  }

  private static String words(Throwable e, Duration timeout) {
    if (e instanceof HttpConnectTimeoutException) {
      return "could not connect within " + seconds(timeout);
    }
    if (e instanceof StalledBodyException || isOwn(e)) {
      return e.getMessage();
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer within " + seconds(timeout);
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  // These already say what went wrong in a sentence of their own.
  private static boolean isOwn(Throwable e) {
    return e instanceof HttpStatusException
        || e instanceof ResponseTooLargeException
        || e instanceof ListFormatException;
  }

  /** "2.5 s", "0.2 s". */
  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
