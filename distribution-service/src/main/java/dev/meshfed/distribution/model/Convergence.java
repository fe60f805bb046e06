package dev.meshfed.distribution.model;

import java.util.OptionalLong;

/**
 * The cluster holds its desired objects: nothing is pending, nothing is retrying. Counts are since
 * the service started.
 *
 * @param desired identities that should exist now
 * @param applied successful applies
 * @param deleted successful deletes for tombstones
 * @param pruned successful deletes of managed objects nothing desired
 * @param failedRecords desired records that could not be used, so are not part of the state
 * @param desiredOffset the last desired-topic offset the state reflects; empty if none was read
 * @param pruneWithheld undesired managed objects the catch-up did not prune (see {@link
 *     PruneGuard})
 */
public record Convergence(
    int desired,
    long applied,
    long deleted,
    long pruned,
    int failedRecords,
    OptionalLong desiredOffset,
    int pruneWithheld) {}
