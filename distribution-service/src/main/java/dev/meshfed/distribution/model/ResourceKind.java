package dev.meshfed.distribution.model;

import java.util.List;

/**
 * A namespaced kind meshfed writes, with the REST plural the API server knows it by and the
 * versions to try, newest first, when listing it (older Istio releases serve fewer versions).
 */
public record ResourceKind(String group, String kind, String plural, List<String> listVersions) {

  public ResourceKind {
    listVersions = List.copyOf(listVersions);
  }

  public ResourceType atVersion(String version) {
    return new ResourceType(this, version);
  }
}
