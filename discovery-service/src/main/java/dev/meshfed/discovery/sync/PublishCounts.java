package dev.meshfed.discovery.sync;

/**
 * What one cluster's discovery has published since it started.
 *
 * @param sent records sent to the discovered topic
 * @param unchanged writes not sent because the topic already held the same record
 * @param failedSends sends the broker did not take; each was retried
 */
public record PublishCounts(long sent, long unchanged, long failedSends) {}
