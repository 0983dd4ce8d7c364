package com.gatewayz.modelpages.isr;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.ehcache.spi.serialization.Serializer;
import org.ehcache.spi.serialization.SerializerException;

/**
 * A compact binary form of {@link CachedPage} for Ehcache's off-heap and disk tiers. The leading
 * format number lets a later version refuse (and so drop) entries it cannot read.
 */
public final class CachedPageSerializer implements Serializer<CachedPage> {

  private static final int FORMAT = 1;

  /** The constructor Ehcache calls. */
  public CachedPageSerializer(ClassLoader classLoader) {}

  @Override
  public ByteBuffer serialize(CachedPage page) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(page.gzipLength() + 512);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeUTF(page.key());
      out.writeShort(page.status());
      out.writeUTF(page.contentType());
      out.writeUTF(page.location() == null ? "" : page.location());
      out.writeUTF(page.hash());
      writeTags(out, page.tagArray());
      out.writeLong(page.renderTick());
      out.writeLong(page.renderedAtMillis());
      out.writeLong(page.renderNanos());
      out.writeInt(page.maxAgeSeconds());
      out.writeInt(page.identityLength());
      out.writeInt(page.gzipLength());
      out.write(page.gzipBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ByteBuffer.wrap(bytes.toByteArray());
  }

  private static void writeTags(DataOutputStream out, String[] tags) throws IOException {
    out.writeShort(tags.length);
    for (String tag : tags) {
      out.writeUTF(tag);
    }
  }

  @Override
  public CachedPage read(ByteBuffer buffer) {
    try (DataInputStream in = new DataInputStream(new ByteBufferInput(buffer.duplicate()))) {
      int format = in.readUnsignedByte();
      if (format != FORMAT) {
        throw new SerializerException("unknown cached page format " + format);
      }
      String key = in.readUTF();
      int status = in.readShort();
      String contentType = in.readUTF();
      String location = in.readUTF();
      String hash = in.readUTF();
      String[] tags = readTags(in);
      long renderTick = in.readLong();
      long renderedAt = in.readLong();
      long renderNanos = in.readLong();
      int maxAge = in.readInt();
      int identityLength = in.readInt();
      byte[] gzip = new byte[in.readInt()];
      in.readFully(gzip);
      return new CachedPage(
          key,
          status,
          contentType,
          location.isEmpty() ? null : location,
          gzip,
          identityLength,
          hash,
          tags,
          renderTick,
          renderedAt,
          renderNanos,
          maxAge);
    } catch (IOException e) {
      throw new SerializerException(e);
    }
  }

  private static String[] readTags(DataInputStream in) throws IOException {
    String[] tags = new String[in.readUnsignedShort()];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = in.readUTF();
    }
    return tags;
  }

  @Override
  public boolean equals(CachedPage page, ByteBuffer binary) {
    CachedPage other = read(binary);
    return other.key().equals(page.key())
        && other.renderTick() == page.renderTick()
        && other.renderedAtMillis() == page.renderedAtMillis()
        && other.hash().equals(page.hash());
  }

  private static final class ByteBufferInput extends java.io.InputStream {
    private final ByteBuffer buffer;

    ByteBufferInput(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    @Override
    public int read() {
      return buffer.hasRemaining() ? buffer.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (!buffer.hasRemaining()) {
        return -1;
      }
      int count = Math.min(length, buffer.remaining());
      buffer.get(target, offset, count);
      return count;
    }
  }
}
