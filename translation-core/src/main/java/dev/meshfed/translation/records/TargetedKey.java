package dev.meshfed.translation.records;

import dev.meshfed.schema.desired.DesiredKey;

/**
 * A desired-topic key together with the cluster whose topic it goes to. Only {@link #key()} is
 * written: the cluster is the topic's.
 */
public record TargetedKey(String cluster, DesiredKey key) {}
