package dev.meshfed.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/** The JSON and YAML renderings every command's {@code -o} shares, so they all look alike. */
public final class Mappers {

  /** One line per document: JSON lines. */
  public static final ObjectMapper JSON = new ObjectMapper();

  public static final ObjectMapper INDENTED_JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Plain scalars where YAML allows them, no document start marker (callers add "---"). */
  public static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .build());

  private Mappers() {}
}
