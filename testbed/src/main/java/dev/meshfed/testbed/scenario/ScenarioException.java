package dev.meshfed.testbed.scenario;

/** A scenario that cannot be loaded or applied; the message names the file or object at fault. */
public final class ScenarioException extends RuntimeException {

  public ScenarioException(String message) {
    super(message);
  }

  public ScenarioException(String message, Throwable cause) {
    super(message, cause);
  }
}
