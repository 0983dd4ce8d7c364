package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.catalog.InvalidModelException;

/**
 * A webhook body breaks the contract, so the whole event is rejected (400). The message names the
 * offending field ({@code models[3].id: contains a character that is not allowed at position 4}) or
 * starts with {@code invalid JSON:}; it never quotes more than a few characters of the input and is
 * safe to show to the sender.
 */
final class InvalidEventException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A problem with the field at {@code field}, a JSON path such as {@code models[3].id}. */
  public InvalidEventException(String field, String problem) {
    this(field + ": " + problem);
  }

  private InvalidEventException(String message) {
    super(message, null, false, false);
  }

  /** The body is not a JSON object; {@code problem} says why without quoting the input. */
  static InvalidEventException invalidJson(String problem) {
    return new InvalidEventException("invalid JSON: " + problem);
  }

  /** A model of the event is invalid; its message already names the field. */
  static InvalidEventException of(InvalidModelException e) {
    return new InvalidEventException(e.getMessage());
  }
}
