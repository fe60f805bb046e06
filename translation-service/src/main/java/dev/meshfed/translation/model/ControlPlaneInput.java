package dev.meshfed.translation.model;

/** An istiod; version is null when its image tag does not say. */
public record ControlPlaneInput(ObjectId id, String version, String revision) implements Input {}
