package dev.meshfed.translation.model;

/**
 * A policy's {@code applyToDestinations} entry: destinations of a kind (SERVICE,
 * VIRTUAL_DESTINATION or EXTERNAL_SERVICE) that {@code selector} selects (null: all of the policy's
 * workspace), on one port (by number or name; both null: every port).
 */
public record DestinationSelector(
    String kind,
    VirtualDestinationInput.ObjectSelector selector,
    Integer portNumber,
    String portName) {}
