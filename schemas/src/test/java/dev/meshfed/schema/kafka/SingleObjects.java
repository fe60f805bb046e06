package dev.meshfed.schema.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.message.BinaryMessageEncoder;

/** What another writer would put on a topic: a generic datum in single-object encoding. */
final class SingleObjects {

  private SingleObjects() {}

  static byte[] encode(Schema writer, Object datum) {
    try {
      ByteBuffer buffer = new BinaryMessageEncoder<>(GenericData.get(), writer).encode(datum);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A schema from the test resources. */
  static Schema schema(String resource) {
    try (InputStream in = SingleObjects.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource " + resource);
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
