package com.gatewayz.modelpages.isr;

import java.nio.ByteBuffer;
import org.ehcache.spi.serialization.Serializer;

/**
 * The tag clock's counters and stamps on the Terracotta server, 8 bytes each. Unlike Ehcache's own
 * {@code LongSerializer}, reading leaves the buffer where it was. The clustered client keeps the
 * buffer it read a value from and writes that buffer back when it compacts a key's chain; after a
 * conditional replace that lost its race, Ehcache's serializer had moved it to its end, the
 * compaction stored an empty value, and every later read of the key on every node failed
 * (ClusterCountersIT).
 */
public final class LongValueSerializer implements Serializer<Long> {

  /** The constructor Ehcache calls. */
  public LongValueSerializer(ClassLoader classLoader) {}

  @Override
  public ByteBuffer serialize(Long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(0, value);
  }

  @Override
  public Long read(ByteBuffer binary) {
    return binary.getLong(binary.position());
  }

  @Override
  public boolean equals(Long value, ByteBuffer binary) {
    return value.equals(read(binary));
  }
}
