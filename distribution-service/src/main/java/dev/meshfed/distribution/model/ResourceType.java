package dev.meshfed.distribution.model;

/** A kind at one API version: everything a REST call for it needs. */
public record ResourceType(ResourceKind kind, String version) {

  public String apiVersion() {
    return kind.group().isEmpty() ? version : kind.group() + "/" + version;
  }

  @Override
  public String toString() {
    return kind.kind() + " (" + apiVersion() + ")";
  }
}
