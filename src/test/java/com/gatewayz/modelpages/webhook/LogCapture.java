package com.gatewayz.modelpages.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what one logger logs between {@link #attach()} and {@link #detach()}. */
final class LogCapture extends Handler {

  private final Logger logger;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  LogCapture(Class<?> source) {
    this.logger = Logger.getLogger(source.getName());
  }

  void attach() {
    logger.addHandler(this);
  }

  void detach() {
    logger.removeHandler(this);
  }

  List<LogRecord> records() {
    return records;
  }

  List<String> messages() {
    return records.stream().map(LogRecord::getMessage).toList();
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
