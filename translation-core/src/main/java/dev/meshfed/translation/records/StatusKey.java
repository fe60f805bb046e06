package dev.meshfed.translation.records;

import dev.meshfed.schema.discovery.DiscoveryKey;

/**
 * A status-topic key together with the cluster whose topic it goes to (the cluster the input lives
 * in). Only {@link #key()} is written: the cluster is the topic's.
 */
public record StatusKey(String cluster, DiscoveryKey key) {}
