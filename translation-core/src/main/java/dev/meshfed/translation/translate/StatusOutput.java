package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ObjectId;
import java.util.Comparator;

/**
 * The status of one input meshfed reads, for the distribution-service of the cluster it lives in to
 * write back.
 *
 * @param apiVersion the input's own apiVersion
 * @param status the whole status object: state, message, observedGeneration, diagnostics, counts
 */
public record StatusOutput(
    ObjectId input,
    String apiVersion,
    State state,
    String message,
    Long observedGeneration,
    ObjectNode status)
    implements Comparable<StatusOutput> {

  public enum State {
    ACCEPTED,
    WARNING,
    INVALID,
    FAILED
  }

  @Override
  public int compareTo(StatusOutput other) {
    return Comparator.comparing(StatusOutput::input).compare(this, other);
  }
}
