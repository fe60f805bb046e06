package dev.meshfed.lab.demo;

import java.time.Duration;
import java.util.List;

/** The pipeline did not come to rest in time; the message says what was still pending. */
public final class ConvergenceTimeoutException extends Exception {

  public ConvergenceTimeoutException(Duration timeout, List<String> pending) {
    super(
        "Not converged after "
            + timeout.toSeconds()
            + " s; still pending: "
            + (pending.isEmpty() ? "topics still moving" : String.join("; ", pending)));
  }
}
