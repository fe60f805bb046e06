package dev.meshfed.translation.topology;

import dev.meshfed.schema.discovery.DiscoveryKey;

/**
 * A status-topic key together with the cluster whose topic it goes to (the cluster the input lives
 * in). Only {@link #key()} is written: the cluster is the topic's.
 */
record StatusKey(String cluster, DiscoveryKey key) {}
