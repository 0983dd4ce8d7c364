package com.gatewayz.modelpages.catalog;

/**
 * A model document breaks the contract; the message starts with the JSON path of the offending
 * field ({@code models[3].id: contains a character that is not allowed at position 4}) and is safe
 * to show to the sender.
 */
public final class InvalidModelException extends Exception {

  public InvalidModelException(String path, String problem) {
    super(path + ": " + problem);
  }
}
