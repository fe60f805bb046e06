package dev.meshfed.translation.translate;

import static dev.meshfed.translation.translate.DesiredRef.ofKind;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceExportInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import dev.meshfed.translation.translate.Exclusion.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The decisions on one clusterset service, in order: which exports are valid ({@link
 * ClustersetExports}); per clusterset, the Istio config of its host (the VirtualDestination
 * translation of {@link ClustersetDestination}) and a ServiceImport in each of its clusters that
 * holds the namespace; and every export's conditions.
 */
final class ClustersetTranslation {

  private static final String SERVICE_IMPORT = ServiceImportObjects.SERVICE_IMPORT;
  private static final String ISTIOD_MCS_HOST = "ENABLE_MCS_HOST";

  private final String namespace;
  private final String name;
  private final MeshInputs inputs;
  private final Membership membership;
  private final Translation.Builder out = Translation.builder();
  private final SortedSet<String> imported = new TreeSet<>();

  ClustersetTranslation(String namespace, String name, MeshInputs inputs, Membership membership) {
    this.namespace = namespace;
    this.name = name;
    this.inputs = inputs;
    this.membership = membership;
  }

  Translation run() {
    ClustersetExports decided = ClustersetExports.of(namespace, name, inputs, membership);
    List<ExportStatus> statuses = new ArrayList<>();
    decided.invalid().forEach(refused -> statuses.add(invalid(refused)));
    decided.outside().forEach(export -> statuses.add(outside(export)));
    decided.clustersets().values().forEach(clusterset -> statuses.addAll(place(clusterset)));
    ClustersetExports.named(namespace, name, inputs).stream()
        .filter(e -> membership.removal(e.id().cluster()).isPresent())
        .forEach(e -> statuses.add(removed(e)));
    out.stopEach(
        ofKind(ServiceImportObjects.SERVICE_IMPORT),
        ref ->
            new Exclusion(
                Rule.NO_BACKING_SERVICE,
                null,
                "no valid ServiceExport "
                    + namespace
                    + "/"
                    + name
                    + " of a clusterset with namespace "
                    + namespace
                    + " in cluster "
                    + ref.cluster()
                    + " (imported in: "
                    + (imported.isEmpty() ? "none" : String.join(", ", imported))
                    + ")"));
    for (ExportStatus status : statuses) {
      status.diagnostics().forEach(out::diagnostic);
      out.status(status.build());
    }
    return out.build();
  }

  /** The clusterset's objects, and its exports' conditions. */
  private List<ExportStatus> place(ClustersetExports.Clusterset clusterset) {
    VirtualDestinationInput destination = ClustersetDestination.of(clusterset);
    Translation istio =
        new VirtualDestinationTranslation(
                new MadeDestination(destination, clusterset.workspace()), inputs, membership)
            .run();
    SortedSet<String> istiodOwns = istiodOwnsClustersetHosts(clusterset);
    out.stop(
        ref -> istiodOwns.contains(ref.cluster()) && !ofKind(SERVICE_IMPORT).test(ref),
        () ->
            new Exclusion(
                Rule.ISTIOD_OWNS_HOST,
                destination.id(),
                "istiod of clusters "
                    + String.join(", ", istiodOwns)
                    + " makes the clusterset.local hosts itself (ENABLE_MCS_HOST)"));
    out.objectsOf(istio, o -> !istiodOwns.contains(o.cluster()) || o.kind().equals(SERVICE_IMPORT));
    List<ObjectId> sources = new ArrayList<>();
    sources.add(clusterset.workspace().workspace().id());
    clusterset.accepted().forEach(e -> sources.add(e.export().id()));
    clusterset.accepted().forEach(e -> sources.add(e.service().id()));
    Provenance provenance = Provenance.of(sources);
    // a ServiceImport says the host works: only where the clusterset's Istio config reaches
    SortedSet<String> reaching = new TreeSet<>();
    istio.result().outputs().stream()
        .filter(o -> o.kind().equals(VirtualDestinationObjects.SERVICE_ENTRY))
        .forEach(o -> reaching.add(o.cluster()));
    clusterset.workspace().namespacesByCluster().entrySet().stream()
        .filter(e -> e.getValue().contains(namespace))
        .filter(e -> membership.removal(e.getKey()).isEmpty())
        .forEach(
            e -> {
              if (reaching.contains(e.getKey())) {
                imported.add(e.getKey());
                out.output(ServiceImportObjects.of(e.getKey(), clusterset, provenance));
              } else {
                out.stop(
                    ofKind(SERVICE_IMPORT).and(DesiredRef.inCluster(e.getKey())),
                    () -> unreached(e.getKey(), destination.id()));
              }
            });
    String host = ClustersetDestination.host(namespace, name);
    boolean reached = !istio.result().outputs().isEmpty();
    List<String> warnings =
        istio.result().diagnostics().stream().map(Diagnostic::message).distinct().toList();
    String ready =
        reached
            ? host
                + " reaches the pods of clusters "
                + String.join(
                    ", ",
                    clusterset.accepted().stream().map(e -> e.export().id().cluster()).toList())
                + " from the clusters of workspace "
                + clusterset.workspace().name()
            : warnings.stream().findFirst().orElse("no cluster of the clusterset gets " + host);
    List<ExportStatus> statuses = new ArrayList<>();
    List<String> notes = new ArrayList<>(warnings);
    if (!istiodOwns.isEmpty()) {
      notes.add(
          "istiod of clusters "
              + String.join(", ", istiodOwns)
              + " runs with ENABLE_MCS_HOST, so it makes "
              + host
              + " there itself; meshfed writes only the ServiceImport there");
    }
    for (ClustersetExports.Exported exported : clusterset.accepted()) {
      ExportStatus status = valid(exported.export());
      conflict(status, clusterset, null);
      status.condition(ExportStatus.READY, reached, reached ? "Ready" : "Pending", ready);
      notes.forEach(w -> status.diagnostic(Severity.WARNING, w));
      clusterset.ports().values().stream()
          .filter(p -> !ClustersetDestination.carried(clusterset).contains(p))
          .forEach(
              p ->
                  status.diagnostic(
                      Severity.WARNING,
                      "port "
                          + p.port()
                          + "/"
                          + p.protocol()
                          + " is in the ServiceImport, but Istio carries TCP only: "
                          + host
                          + " does not reach it"));
      if (clusterset.headless() && reached) {
        status.diagnostic(
            Severity.WARNING,
            "the Service is headless: its clients reach "
                + host
                + " through Istio's address for the host, not one DNS record per pod");
      }
      statuses.add(status);
    }
    for (ClustersetExports.Refused refused : clusterset.conflicting()) {
      ExportStatus status = valid(refused.export());
      conflict(status, clusterset, refused);
      status.condition(
          ExportStatus.READY,
          false,
          refused.reason(),
          "cluster "
              + refused.export().id().cluster()
              + " backs nothing of "
              + host
              + " until its Service agrees with the oldest export's");
      status.diagnostic(Severity.WARNING, refused.message());
      statuses.add(status);
    }
    return statuses;
  }

  /**
   * The clusters of the clusterset whose istiod makes {@code clusterset.local} hosts itself, from
   * exports it reads where it reads other clusters' API servers: meshfed leaves the host to it.
   */
  private SortedSet<String> istiodOwnsClustersetHosts(ClustersetExports.Clusterset clusterset) {
    SortedSet<String> clusters = new TreeSet<>();
    for (String cluster : clusterset.workspace().namespacesByCluster().keySet()) {
      ClusterMesh.controlPlane(inputs, cluster)
          .filter(cp -> "true".equalsIgnoreCase(cp.env().get(ISTIOD_MCS_HOST)))
          .ifPresent(cp -> clusters.add(cluster));
    }
    return clusters;
  }

  /** Why the clusterset's host does not reach a cluster's clients, as its translation decided. */
  private Exclusion unreached(String cluster, ObjectId subject) {
    return ClusterMesh.controlPlane(inputs, cluster).isEmpty()
        ? ClusterMesh.noControlPlane(cluster, subject)
        : new Exclusion(
            Rule.NO_BACKING_SERVICE,
            subject,
            "no exporting cluster has an east-west gateway cluster " + cluster + " can reach");
  }

  /** The conflict, raised on every export of the clusterset: its own, else the first. */
  private static void conflict(
      ExportStatus status, ClustersetExports.Clusterset clusterset, ClustersetExports.Refused own) {
    ClustersetExports.Refused shown =
        own != null
            ? own
            : clusterset.conflicting().isEmpty() ? null : clusterset.conflicting().get(0);
    if (shown == null) {
      status.condition(
          ExportStatus.CONFLICT, false, "NoConflicts", "the clusterset's exports agree");
    } else {
      status.condition(ExportStatus.CONFLICT, true, shown.reason(), shown.message());
    }
  }

  private static ExportStatus valid(ServiceExportInput export) {
    return new ExportStatus(export)
        .condition(ExportStatus.VALID, true, "Valid", "the Service can be exported");
  }

  private ExportStatus invalid(ClustersetExports.Refused refused) {
    return new ExportStatus(refused.export())
        .condition(ExportStatus.VALID, false, refused.reason(), refused.message())
        .condition(
            ExportStatus.READY,
            false,
            refused.reason(),
            "nothing is exported: " + refused.message())
        .diagnostic(Severity.INVALID, refused.message());
  }

  private ExportStatus outside(ServiceExportInput export) {
    String why =
        "namespace "
            + namespace
            + " of cluster "
            + export.id().cluster()
            + " belongs to no workspace, so the export has no clusterset: workspaces say which"
            + " clusters share a namespace";
    return valid(export)
        .condition(ExportStatus.READY, false, "NotInWorkspace", why)
        .diagnostic(Severity.WARNING, why);
  }

  private ExportStatus removed(ServiceExportInput export) {
    String why =
        membership
            .removalExclusion(export.id().cluster(), export.id())
            .map(Exclusion::message)
            .orElse("its cluster is removed from the mesh");
    return new ExportStatus(export)
        .condition(ExportStatus.READY, false, "ClusterRemoved", why)
        .diagnostic(Severity.WARNING, why);
  }
}
