package dev.meshfed.discovery.model;

/** The kinds of a {@code DiscoveryKey}: what translation reads, not the Kubernetes kinds. */
public final class Kinds {

  public static final String AGENT = "Agent";
  public static final String NAMESPACE = "Namespace";
  public static final String SERVICE = "Service";
  public static final String EAST_WEST_GATEWAY = "EastWestGateway";
  public static final String CONTROL_PLANE = "ControlPlane";
  public static final String WORKSPACE = "Workspace";
  public static final String WORKSPACE_SETTINGS = "WorkspaceSettings";

  private Kinds() {}
}
