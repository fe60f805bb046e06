package dev.meshfed.cli;

import dev.meshfed.cli.events.TimeSpec;
import dev.meshfed.schema.kafka.Topics;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Argument types the audit commands share. Picocli converts and checks them before a command runs,
 * and answers a bad value with the option's name, the reason and exit code 2.
 */
final class Arguments {

  private Arguments() {}

  /**
   * A time as the user wrote it ({@code 15m} ago, or RFC 3339), checked when parsed and resolved
   * against the command's own clock, so "15m" means 15 minutes before the command ran.
   */
  record PointInTime(String text) {

    Instant resolve(Instant now) {
      return TimeSpec.parse(text, now);
    }
  }

  static final class PointInTimeConverter implements ITypeConverter<PointInTime> {
    @Override
    public PointInTime convert(String value) {
      try {
        TimeSpec.parse(value, Instant.EPOCH);
        return new PointInTime(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A cluster name as topics spell it. */
  static final class ClusterNameConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return Topics.checkCluster(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
