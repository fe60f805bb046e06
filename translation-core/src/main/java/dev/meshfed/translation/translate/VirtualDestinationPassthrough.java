package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.VirtualDestinationInput;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The Gateway that lets a backing cluster's east-west gateway pass the hosts of the
 * VirtualDestinations it backs through to its pods (AUTO_PASSTHROUGH routes by the SNI the clients
 * of other clusters send): those hosts that no federated host suffix's Gateway covers already, as a
 * second server for the same hosts would conflict with it (IST0145).
 */
final class VirtualDestinationPassthrough {

  static final String NAME = "meshfed-eastwest-virtual-destinations";

  private VirtualDestinationPassthrough() {}

  static Optional<Output> of(
      String cluster,
      ControlPlaneInput controlPlane,
      Optional<EastWestGatewayInput> usual,
      Set<Passthrough> covered,
      MeshInputs inputs,
      Membership membership) {
    if (usual.isEmpty()) {
      return Optional.empty();
    }
    SortedSet<String> hosts = new TreeSet<>();
    SortedSet<ObjectId> sources = new TreeSet<>();
    Stream.concat(
            VirtualDestinationClaims.unrivalled(inputs).stream()
                // a host the suffix's Gateway passes already needs nothing here: decided before
                // the backing, which is the dear part
                .filter(vd -> anyNotPassed(vd, usual.get(), covered))
                .flatMap(
                    vd ->
                        membership
                            .workspaceOf(vd.id().cluster(), vd.id().namespace())
                            .map(w -> new MadeDestination(vd, w))
                            .stream()),
            MadeDestination.all(inputs, membership)
                .filter(made -> anyNotPassed(made.destination(), usual.get(), covered)))
        .filter(made -> servedElsewhere(made.audience(), cluster))
        .filter(
            made ->
                VirtualDestinationBacking.backedIn(
                    cluster, made.destination(), made.audience(), inputs, membership))
        .forEach(made -> add(made, usual.get(), covered, hosts, sources));
    if (hosts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        GatewayOutput.of(
            new ClusterMesh(cluster, controlPlane, usual.get()),
            List.copyOf(hosts),
            NAME,
            sources,
            "cluster "
                + cluster
                + " backs VirtualDestinations that clients of other clusters use: its east-west"
                + " gateway passes their hosts through"));
  }

  private static boolean anyNotPassed(
      VirtualDestinationInput vd, EastWestGatewayInput gateway, Set<Passthrough> covered) {
    return vd.hosts().stream().anyMatch(host -> !passed(host, gateway, covered));
  }

  /** Whether the workspace has clients in another cluster than the backing one. */
  private static boolean servedElsewhere(WorkspacePlan workspace, String cluster) {
    return workspace.namespacesByCluster().keySet().stream().anyMatch(c -> !c.equals(cluster));
  }

  private static void add(
      MadeDestination made,
      EastWestGatewayInput gateway,
      Set<Passthrough> covered,
      SortedSet<String> hosts,
      SortedSet<ObjectId> sources) {
    VirtualDestinationInput vd = made.destination();
    for (String host : vd.hosts()) {
      if (!passed(host, gateway, covered)) {
        hosts.add(host);
        sources.add(
            DestinationOrigin.of(vd.id()).identifiesAnInput()
                ? vd.id()
                : made.audience().workspace().id());
      }
    }
  }

  /** Whether a host suffix's Gateway on this east-west gateway passes the host already. */
  private static boolean passed(
      String host, EastWestGatewayInput gateway, Set<Passthrough> covered) {
    return covered.stream()
        .anyMatch(p -> p.gateway().equals(gateway) && host.endsWith("." + p.suffix()));
  }
}
