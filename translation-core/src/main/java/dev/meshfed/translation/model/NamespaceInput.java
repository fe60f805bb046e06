package dev.meshfed.translation.model;

import java.util.Map;

public record NamespaceInput(ObjectId id, Map<String, String> labels) implements Input {

  public NamespaceInput {
    labels = Map.copyOf(labels);
  }
}
