package dev.meshfed.translation.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.translation.translate.UnitResult;
import dev.meshfed.translation.translate.UnitSummary;

/**
 * How a unit's summary is kept in the state store (JSON, as {@link StoredUnitSummary}), so that
 * restarts diff correctly. Stores written by earlier versions are read too: summaries with each
 * hosted object's sources written out, and, from before summaries existed, whole results, which are
 * summarised as they are read. An upgrade rewrites nothing that did not change and tombstones what
 * went.
 */
final class UnitSummaryCodec {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The field only a whole result has. */
  private static final String RESULT_FIELD = "outputs";

  /** The field only a {@link StoredUnitSummary} has. */
  private static final String SOURCES_FIELD = "sources";

  private UnitSummaryCodec() {}

  static String encode(UnitSummary summary) {
    try {
      return JSON.writeValueAsString(StoredUnitSummary.of(summary));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot encode a unit summary", e);
    }
  }

  static UnitSummary decode(String json) {
    if (json == null) {
      return UnitSummary.EMPTY;
    }
    try {
      JsonNode stored = JSON.readTree(json);
      if (stored.has(SOURCES_FIELD)) {
        return JSON.treeToValue(stored, StoredUnitSummary.class).summary();
      }
      if (stored.has(RESULT_FIELD)) {
        return UnitSummary.of(JSON.treeToValue(stored, UnitResult.class));
      }
      return JSON.treeToValue(stored, UnitSummary.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot decode a stored unit summary", e);
    }
  }
}
