package dev.meshfed.distribution.model;

import java.util.Optional;

/**
 * Whether a catch-up may delete the managed objects it found undesired. Deletions that records ask
 * for (tombstones) always go ahead; a prune is an inference from what the desired topic does not
 * hold, and a truncated or re-created topic, or one translation has not written yet, holds too
 * little. So a prune of most of what meshfed manages in the cluster is withheld, and reported.
 *
 * @param limitPercent the largest share of the managed objects one catch-up may prune
 */
public record PruneGuard(int limitPercent) {

  public static final PruneGuard DEFAULT = new PruneGuard(50);

  public PruneGuard {
    if (limitPercent < 0 || limitPercent > 100) {
      throw new IllegalArgumentException("a percentage from 0 to 100: " + limitPercent);
    }
  }

  /**
   * Why the prune must be withheld, or empty when it may go ahead.
   *
   * @param candidates managed objects nothing desires
   * @param managed managed objects in the cluster, candidates included
   * @param desired objects the desired topic holds
   */
  public Optional<String> withhold(int candidates, int managed, int desired) {
    if (candidates == 0) {
      return Optional.empty();
    }
    if (desired == 0) {
      return Optional.of(
          "the desired topic holds no object while the cluster has %d managed by meshfed: it may be truncated or re-created, or translation has not written it yet"
              .formatted(managed));
    }
    if ((long) candidates * 100 > (long) limitPercent * managed) {
      return Optional.of(
          "%d of the %d objects meshfed manages in the cluster are not desired, more than %d%%: the desired topic may be truncated or re-created (meshfed.distribution.prune-limit-percent)"
              .formatted(candidates, managed, limitPercent));
    }
    return Optional.empty();
  }
}
