package dev.meshfed.cli.events;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in time as users write it: {@code 90s}, {@code 15m}, {@code 2h}, {@code 7d} ago, or RFC
 * 3339.
 */
public final class TimeSpec {

  private static final Pattern AGO = Pattern.compile("(\\d+)([smhd])");
  private static final Map<String, Duration> UNITS =
      Map.of(
          "s",
          Duration.ofSeconds(1),
          "m",
          Duration.ofMinutes(1),
          "h",
          Duration.ofHours(1),
          "d",
          Duration.ofDays(1));

  private TimeSpec() {}

  /**
   * @throws IllegalArgumentException with the accepted forms, for anything else
   */
  public static Instant parse(String text, Instant now) {
    Matcher ago = AGO.matcher(text.trim());
    if (ago.matches()) {
      return now.minus(UNITS.get(ago.group(2)).multipliedBy(Long.parseLong(ago.group(1))));
    }
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a time: use a duration ago (30s, 15m, 2h, 7d) or RFC 3339 (2026-11-22T14:00:00Z)",
          e);
    }
  }
}
