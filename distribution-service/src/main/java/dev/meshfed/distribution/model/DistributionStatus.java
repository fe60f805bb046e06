package dev.meshfed.distribution.model;

/**
 * A snapshot of one distribution-service.
 *
 * @param desired identities that should exist now
 * @param applied successful applies so far
 * @param deleted successful deletes for tombstones so far
 * @param pruned successful deletes of managed objects nothing desires, so far
 * @param pending identities with an attempt queued, running or awaiting a retry
 * @param retrying of those, identities whose last attempt failed
 * @param failedAttempts failed applies and deletes so far (each retry that fails counts)
 * @param failed records that could not be used (undecodable, unknown kind, bad manifest)
 * @param driftRepaired managed objects found deleted, edited or taken over and applied again, so
 *     far (each also counts as applied)
 * @param pruneWithheld managed objects nothing desires that the catch-up did not prune, as they
 *     were most of what meshfed manages there (see {@link PruneGuard})
 * @param caughtUp the topic was read to its end as of start, and that state applied and pruned
 */
public record DistributionStatus(
    int desired,
    long applied,
    long deleted,
    long pruned,
    int pending,
    int retrying,
    long failedAttempts,
    int failed,
    long driftRepaired,
    int pruneWithheld,
    boolean caughtUp) {

  public static final DistributionStatus STARTING =
      new DistributionStatus(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false);
}
