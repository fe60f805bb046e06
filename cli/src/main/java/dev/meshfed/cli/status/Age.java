package dev.meshfed.cli.status;

import java.time.Duration;
import java.time.Instant;

/** How long ago, kubectl style: 12s, 3m, 2h, 5d. */
final class Age {

  private Age() {}

  static String since(Instant then, Instant now) {
    // a record stamped by a clock ahead of ours is as fresh as can be
    long seconds = Math.max(0, Duration.between(then, now).toSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return seconds / 60 + "m";
    }
    if (seconds < 86400) {
      return seconds / 3600 + "h";
    }
    return seconds / 86400 + "d";
  }
}
