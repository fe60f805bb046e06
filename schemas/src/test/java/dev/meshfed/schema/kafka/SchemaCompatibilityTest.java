package dev.meshfed.schema.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.RandomData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas are a public API (docs/events.md): every record written on its own keeps each version
 * in {@code src/main/resources/META-INF/meshfed/schemas/<Record>/v<N>.avsc}, the current schema is
 * always the newest version file, and it reads what every version wrote. So a schema change cannot
 * be merged without a new, reviewed version file that passes these checks.
 */
class SchemaCompatibilityTest {

  private static final Path SOURCES = Path.of("src/main/avro");
  private static final Path VERSIONS = Path.of("src/main/resources", SchemaVersions.ROOT);
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<String> records() throws IOException {
    return names(VERSIONS, Files::isDirectory, "").stream();
  }

  @Test
  void everyRecordOfItsOwnFileHasVersions() throws IOException {
    // Records in src/main/avro/common exist only inside others, which carry them in full.
    List<String> topLevel = names(SOURCES, Files::isRegularFile, ".avsc");

    assertThat(names(VERSIONS, Files::isDirectory, ""))
        .containsExactlyInAnyOrderElementsOf(topLevel);
  }

  @ParameterizedTest
  @MethodSource("records")
  void versionsAreNumberedFromOneWithoutGaps(String record) throws IOException {
    List<String> files = names(VERSIONS.resolve(record), Files::isRegularFile, "");

    assertThat(files)
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, files.size()).mapToObj(v -> "v" + v + ".avsc").toList());
    assertThat(SchemaVersions.of(currentClass(record)))
        .as("on the class path")
        .hasSize(files.size());
  }

  @ParameterizedTest
  @MethodSource("records")
  void currentSchemaIsTheNewestVersion(String record) throws IOException {
    List<Schema> versions = versions(record);
    Schema current = currentSchema(record);
    int newest = versions.size();

    assertThat(withoutDocs(current))
        .withFailMessage(
            "%s's schema differs from %s. A schema change needs a new version: add v%d.avsc with"
                + " the schema below (Schema.toString(true) of %s.SCHEMA$). Replace v%d.avsc"
                + " instead only if no meshfed release has shipped it.%n%s",
            record,
            VERSIONS.resolve(record).resolve("v" + newest + ".avsc"),
            newest + 1,
            record,
            newest,
            current.toString(true))
        .isEqualTo(withoutDocs(versions.get(newest - 1)));
  }

  @ParameterizedTest
  @MethodSource("records")
  void currentSchemaReadsWhatEveryVersionWrote(String record) throws IOException {
    Schema current = currentSchema(record);
    List<Schema> versions = versions(record);

    for (int v = 1; v <= versions.size(); v++) {
      SchemaPairCompatibility result =
          SchemaCompatibility.checkReaderWriterCompatibility(current, versions.get(v - 1));
      assertThat(result.getType())
          .withFailMessage(
              "%s cannot read what v%d wrote: %s",
              record,
              v,
              result.getResult().getIncompatibilities().stream()
                  .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                  .toList())
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
  }

  @ParameterizedTest
  @MethodSource("records")
  void recordsOfEveryVersionDecodeIntoTheCurrentClass(String record) throws IOException {
    Class<? extends SpecificRecord> type = currentClass(record);
    AvroSerde<? extends SpecificRecord> serde = serde(type);
    List<Schema> versions = versions(record);

    for (int v = 1; v <= versions.size(); v++) {
      for (Object datum : new RandomData(versions.get(v - 1), 20, 4L + v)) {
        byte[] written = SingleObjects.encode(versions.get(v - 1), datum);

        assertThat(serde.deserialize("t", written))
            .as("v%d, decoded as Avro's generic reader of the class decodes it", v)
            .isInstanceOf(type)
            .isEqualTo(genericallyDecoded(type, versions, written));
        assertThat(serialized(serde, written))
            .as("v%d, encoded again as Avro's generic writer of the class encodes it", v)
            .isEqualTo(genericallyEncoded(type, serde.deserialize("t", written)));
      }
    }
  }

  /** A reader that lacks a new symbol reads the enum's default instead of failing. */
  @Test
  void everyEnumHasADefaultSoThatSymbolsCanBeAdded() throws IOException {
    List<Schema> enums = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String record : records().toList()) {
      collectEnums(currentSchema(record), enums, seen);
    }

    assertThat(enums)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.getEnumDefault()).as(e.getFullName()).isNotNull());
  }

  private static List<Schema> versions(String record) throws IOException {
    List<Schema> versions = new ArrayList<>();
    for (int v = 1; Files.exists(versionFile(record, v)); v++) {
      versions.add(new Schema.Parser().parse(versionFile(record, v).toFile()));
    }
    assertThat(versions).as("versions of %s", record).isNotEmpty();
    return versions;
  }

  private static Path versionFile(String record, int version) {
    return VERSIONS.resolve(record).resolve("v" + version + ".avsc");
  }

  private static Schema currentSchema(String record) throws IOException {
    return SpecificData.get().getSchema(currentClass(record));
  }

  /** The generated class of the newest version's full name. */
  private static Class<? extends SpecificRecord> currentClass(String record) throws IOException {
    List<Schema> versions = versions(record);
    String name = versions.get(versions.size() - 1).getFullName();
    try {
      return Class.forName(name).asSubclass(SpecificRecord.class);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("No generated class " + name + " for " + record, e);
    }
  }

  /**
   * The schema as JSON without its docs: a doc is no part of a version, while everything else is,
   * including what Schema.equals ignores (enum defaults, aliases).
   */
  private static JsonNode withoutDocs(Schema schema) throws IOException {
    JsonNode tree = JSON.readTree(schema.toString());
    removeDocs(tree);
    return tree;
  }

  private static void removeDocs(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("doc");
    }
    node.forEach(SchemaCompatibilityTest::removeDocs);
  }

  private static <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type) {
    return new AvroSerde<>(type);
  }

  private static <T extends SpecificRecord> byte[] serialized(AvroSerde<T> serde, byte[] written) {
    return serde.serialize("t", serde.deserialize("t", written));
  }

  private static byte[] genericallyEncoded(Class<? extends SpecificRecord> type, Object datum)
      throws IOException {
    SpecificData model = new SpecificData(type.getClassLoader());
    ByteBuffer buffer = new BinaryMessageEncoder<>(model, model.getSchema(type)).encode(datum);
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  /** What Avro's schema-walking reader makes of it: the serde uses the classes' own decoders. */
  private static Object genericallyDecoded(
      Class<? extends SpecificRecord> type, List<Schema> versions, byte[] written)
      throws IOException {
    SpecificData model = new SpecificData(type.getClassLoader());
    BinaryMessageDecoder<Object> decoder = new BinaryMessageDecoder<>(model, model.getSchema(type));
    versions.forEach(decoder::addSchema);
    return decoder.decode(written);
  }

  private static void collectEnums(Schema schema, List<Schema> enums, Set<String> seen) {
    switch (schema.getType()) {
      case ENUM -> {
        if (seen.add(schema.getFullName())) {
          enums.add(schema);
        }
      }
      case RECORD -> {
        if (seen.add(schema.getFullName())) {
          schema.getFields().forEach(f -> collectEnums(f.schema(), enums, seen));
        }
      }
      case UNION -> schema.getTypes().forEach(t -> collectEnums(t, enums, seen));
      case ARRAY -> collectEnums(schema.getElementType(), enums, seen);
      case MAP -> collectEnums(schema.getValueType(), enums, seen);
      default -> {
        // a primitive or fixed has nothing inside
      }
    }
  }

  /** Names (without {@code suffix}) of the entries of {@code dir} that pass {@code filter}. */
  private static List<String> names(Path dir, Predicate<Path> filter, String suffix)
      throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(filter)
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(suffix))
          .map(n -> n.substring(0, n.length() - suffix.length()))
          .sorted()
          .toList();
    }
  }
}
