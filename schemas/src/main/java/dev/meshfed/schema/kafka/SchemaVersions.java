package dev.meshfed.schema.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every version of a record's schema that meshfed has published, kept as self-contained files
 * {@code META-INF/meshfed/schemas/<RecordName>/v1.avsc}, {@code v2.avsc}, … in this module, so that
 * a reader can decode what any earlier writer wrote. Versions are numbered from 1 without gaps.
 */
public final class SchemaVersions {

  public static final String ROOT = "META-INF/meshfed/schemas";

  /** Read once per record class: serdes are built on hot paths too. */
  private static final ClassValue<List<Schema>> VERSIONS =
      new ClassValue<>() {
        @Override
        protected List<Schema> computeValue(Class<?> recordType) {
          return read(recordType);
        }
      };

  private SchemaVersions() {}

  /** The resource that holds a version of a record's schema. */
  public static String resource(String recordName, int version) {
    return ROOT + "/" + recordName + "/v" + version + ".avsc";
  }

  /**
   * The versions of a record's schema, oldest first; empty for a record that has none (one that is
   * never written on its own, such as ObjectRef).
   */
  public static List<Schema> of(Class<?> recordType) {
    return VERSIONS.get(recordType);
  }

  private static List<Schema> read(Class<?> recordType) {
    ClassLoader loader = recordType.getClassLoader();
    List<Schema> versions = new ArrayList<>();
    for (int version = 1; ; version++) {
      String resource = resource(recordType.getSimpleName(), version);
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in == null) {
          return List.copyOf(versions);
        }
        versions.add(new Schema.Parser().parse(in));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + resource, e);
      }
    }
  }
}
