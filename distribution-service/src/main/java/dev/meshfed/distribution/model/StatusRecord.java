package dev.meshfed.distribution.model;

import java.util.Optional;

/**
 * A status-topic record as read: its input, the input's apiVersion and status (both empty for a
 * tombstone), and where it was read, for log lines.
 */
public record StatusRecord(
    StatusTarget target, Optional<String> apiVersion, Optional<String> status, String origin) {}
