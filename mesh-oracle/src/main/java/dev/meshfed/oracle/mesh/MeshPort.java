package dev.meshfed.oracle.mesh;

/** A port of a registry service; {@code targetPort} is a number or a container port's name. */
record MeshPort(int number, String name, String protocol, String targetPort) {}
