package dev.meshfed.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long changes took to be applied everywhere, and where that time went.
 *
 * @param total from the write in the source cluster to the last cluster's apply
 * @param discovery from the write to the discovered record being readable
 * @param translation from there to the last cluster's desired record being readable
 * @param distribution from there to the last cluster's apply
 * @param unattributed changes whose stages could not be told apart (a record was not seen)
 */
public record Propagation(
    Latencies total,
    Latencies discovery,
    Latencies translation,
    Latencies distribution,
    int unattributed) {

  /** The stages by name, in pipeline order. */
  public Map<String, Latencies> stages() {
    Map<String, Latencies> stages = new LinkedHashMap<>();
    stages.put("discovery", discovery);
    stages.put("translation", translation);
    stages.put("distribution", distribution);
    return stages;
  }
}
