package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.gateway.format.ListFormatException;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.file.FileSystemException;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Why a fetch failed, twice: a public class from a fixed vocabulary ({@link #classify}), safe to
 * show anyone, and short human-readable words for operators ({@link #describe}), which may name
 * hosts, paths and exception text. Also which failures are worth a retry.
 */
final class Failures {

  static final String TIMEOUT = "timeout";
  static final String TOO_LARGE = "too_large";
  static final String BAD_FORMAT = "bad_format";
  static final String REDIRECT_REFUSED = "redirect_refused";
  static final String CONNECTION_FAILED = "connection_failed";
  static final String FILE_UNREADABLE = "file_unreadable";
  static final String CIRCUIT_OPEN = "circuit_open";
  static final String INTERNAL = "internal";

  private static final int MAX_MESSAGE = 300;

  private Failures() {}

  /** Worth another attempt: network trouble, timeouts and 5xx; never 4xx, size or parse errors. */
  static boolean isRetryable(Throwable e) {
    if (e instanceof HttpStatusException status) {
      return status.isServerError();
    }
    return e instanceof IOException
        && !(e instanceof ResponseTooLargeException)
        && !(e instanceof RedirectRefusedException);
  }

  /**
   * The public class of a failure: {@code timeout}, {@code http_<status>} ({@code http_503}),
   * {@code too_large}, {@code bad_format}, {@code redirect_refused}, {@code connection_failed},
   * {@code file_unreadable}, else {@code internal}. Never any text from the failure itself.
   */
  static String classify(Throwable e) {
    if (e instanceof HttpStatusException status) {
      return "http_" + status.status();
    }
    if (e instanceof HttpTimeoutException) {
      return TIMEOUT;
    }
    if (e instanceof ResponseTooLargeException) {
      return TOO_LARGE;
    }
    if (e instanceof ListFormatException || e instanceof ZipException) {
      return BAD_FORMAT;
    }
    if (e instanceof RedirectRefusedException) {
      return REDIRECT_REFUSED;
    }
    if (e instanceof FileSystemException) {
      return FILE_UNREADABLE;
    }
    return e instanceof IOException ? CONNECTION_FAILED : INTERNAL;
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
        || e instanceof RedirectRefusedException
        || e instanceof ListFormatException;
  }

  /** "2.5 s", "0.2 s". */
  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
