package dev.meshfed.distribution.model;

/** A desired record that cannot be applied as it is: retrying would not help. */
public class InvalidRecordException extends Exception {

  public InvalidRecordException(String message) {
    super(message);
  }

  public InvalidRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
