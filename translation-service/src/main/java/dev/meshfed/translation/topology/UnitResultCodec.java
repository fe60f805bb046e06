package dev.meshfed.translation.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.translation.translate.UnitResult;

/** How a unit's last result is kept in the state store (JSON), so restarts diff correctly. */
final class UnitResultCodec {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private UnitResultCodec() {}

  static String encode(UnitResult result) {
    try {
      return JSON.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot encode a unit result", e);
    }
  }

  static UnitResult decode(String json) {
    if (json == null) {
      return UnitResult.EMPTY;
    }
    try {
      return JSON.readValue(json, UnitResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot decode a stored unit result", e);
    }
  }
}
