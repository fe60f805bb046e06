package dev.meshfed.translation.model;

/** A Kubernetes Service port; name, target port and appProtocol may be absent. */
public record ServicePortInput(
    String name, int port, String targetPort, String protocol, String appProtocol) {}
