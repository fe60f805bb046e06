package dev.meshfed.testbed;

import java.time.Duration;

/** A span of time during which a fault holds, with the HTTP status it answers (0: none). */
final class FaultWindow {

  private long untilNanos;
  private int status;

  /** Opens the window for {@code duration} from now; replaces any window open before. */
  void open(Duration duration, int httpStatus) {
    untilNanos = System.nanoTime() + duration.toNanos();
    status = httpStatus;
  }

  /** What is left of the window: zero once it has closed, or if it never opened. */
  Duration remaining() {
    long left = untilNanos - System.nanoTime();
    return status == 0 || left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  boolean isOpen() {
    return !remaining().isZero();
  }

  int status() {
    return status;
  }

  static int errorStatus(int httpStatus) {
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException("not an error status: " + httpStatus);
    }
    return httpStatus;
  }
}
