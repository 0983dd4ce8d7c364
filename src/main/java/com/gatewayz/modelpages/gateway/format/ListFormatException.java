package com.gatewayz.modelpages.gateway.format;

/**
 * A gateway's list response is not the expected shape at all: not JSON, or the wrong top-level
 * type. The message is one short sentence naming the gateway and the problem; it never quotes more
 * than {@value #MAX_BODY_QUOTE} characters of the body.
 */
public class ListFormatException extends Exception {

  public static final int MAX_BODY_QUOTE = 200;

  public ListFormatException(String message) {
    super(message);
  }

  public ListFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
