package dev.meshfed.translation.model;

/** A cluster's discovery-service has synced: the cluster has joined. */
public record AgentInput(ObjectId id) implements Input {}
