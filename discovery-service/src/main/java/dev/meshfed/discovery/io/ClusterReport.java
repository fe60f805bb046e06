package dev.meshfed.discovery.io;

import dev.meshfed.discovery.model.Source;
import dev.meshfed.discovery.sync.PublishCounts;
import java.util.List;

/**
 * One served cluster as the health checks and the metrics see it.
 *
 * @param synced every source listed and the cluster's state published (the Agent record queued)
 * @param stoppedSources sources whose watch ended for good: their changes are no longer published
 * @param published what the cluster's publisher did since it started
 */
public record ClusterReport(
    String cluster, boolean synced, List<Source> stoppedSources, PublishCounts published) {}
