package com.gatewayz.modelpages.isr;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.ehcache.spi.serialization.Serializer;

/**
 * The shared state's byte arrays on the Terracotta server, as they are. Reading copies from a
 * duplicate and leaves the buffer where it was, for the reason {@link LongValueSerializer} gives.
 */
public final class BytesValueSerializer implements Serializer<byte[]> {

  /** The constructor Ehcache calls. */
  public BytesValueSerializer(ClassLoader classLoader) {}

  @Override
  public ByteBuffer serialize(byte[] value) {
    return ByteBuffer.wrap(value.clone());
  }

  @Override
  public byte[] read(ByteBuffer binary) {
    byte[] value = new byte[binary.remaining()];
    binary.duplicate().get(value);
    return value;
  }

  @Override
  public boolean equals(byte[] value, ByteBuffer binary) {
    return Arrays.equals(value, read(binary));
  }
}
