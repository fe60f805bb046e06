package dev.meshfed.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stored CustomResourceDefinitions, parsed once per stored state: every request to a custom
 * resource reads its definition's served versions, every write of an Istio object its schema, and
 * Istio's definitions are hundreds of kilobytes of JSON. Callers must not modify what they get.
 */
final class ParsedDefinitions {

  private record Parsed(String state, JsonNode definition) {}

  private record Modelled(String state, CustomResourceDefinition definition) {}

  private final Map<AttributeSet, Parsed> parsed = new ConcurrentHashMap<>();
  private final Map<AttributeSet, Modelled> modelled = new ConcurrentHashMap<>();

  JsonNode of(Map.Entry<AttributeSet, String> stored) {
    Parsed known = parsed.get(stored.getKey());
    // the store hands out the very string it holds, so an unchanged definition compares at once
    if (known != null && known.state().equals(stored.getValue())) {
      return known.definition();
    }
    JsonNode definition = StoredJson.parse(stored.getValue());
    parsed.put(stored.getKey(), new Parsed(stored.getValue(), definition));
    return definition;
  }

  /** As fabric8's model, for the API's discovery answers. */
  CustomResourceDefinition model(Map.Entry<AttributeSet, String> stored) {
    Modelled known = modelled.get(stored.getKey());
    if (known != null && known.state().equals(stored.getValue())) {
      return known.definition();
    }
    CustomResourceDefinition definition =
        Serialization.unmarshal(stored.getValue(), CustomResourceDefinition.class);
    modelled.put(stored.getKey(), new Modelled(stored.getValue(), definition));
    return definition;
  }
}
