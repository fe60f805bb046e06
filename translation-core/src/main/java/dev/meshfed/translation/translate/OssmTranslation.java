package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ExportedServiceSetInput;
import dev.meshfed.translation.model.ImportedServiceSetInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceMeshPeerInput;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One cluster's OpenShift Service Mesh federation: the Istio config of every service it exports and
 * a peer imports (a VirtualDestination meshfed makes of each, see {@link OssmLinks}), and the
 * statuses of its peers and sets as OSSM reports them.
 */
final class OssmTranslation {

  private final String cluster;
  private final MeshInputs inputs;
  private final Membership membership;
  private final Translation.Builder out = Translation.builder();
  private final Map<ObjectId, List<Diagnostic>> diagnostics = new HashMap<>();

  OssmTranslation(String cluster, MeshInputs inputs, Membership membership) {
    this.cluster = cluster;
    this.inputs = inputs;
    this.membership = membership;
  }

  Translation run() {
    List<OssmLinks.Link> links = OssmLinks.from(cluster, inputs);
    for (MadeDestination made : OssmLinks.destinations(links, inputs)) {
      Translation istio = new VirtualDestinationTranslation(made, inputs, membership).run();
      out.objectsOf(istio, o -> true, ref -> OssmTranslator.names(made, ref, inputs));
      ObjectId set = made.audience().workspace().id();
      istio.result().diagnostics().forEach(d -> note(set, d.severity(), d.message()));
      unreached(made, istio).forEach(why -> note(set, Severity.WARNING, why));
    }
    inputs.inCluster(cluster, ServiceMeshPeerInput.class).forEach(this::peerStatus);
    inputs.inCluster(cluster, ExportedServiceSetInput.class).forEach(e -> exportStatus(e, links));
    inputs.inCluster(cluster, ImportedServiceSetInput.class).forEach(this::importStatus);
    return out.build();
  }

  /** The importing clusters the host does not reach, and why. */
  private List<String> unreached(MadeDestination made, Translation istio) {
    String exporter = made.destination().id().cluster();
    String host = made.destination().hosts().get(0);
    List<String> why = new ArrayList<>();
    made.audience().namespacesByCluster().keySet().stream()
        .filter(c -> !c.equals(exporter))
        // a Service the gateways could not join says why itself
        .filter(c -> !made.joins().containsKey(c))
        .filter(c -> istio.result().outputs().stream().noneMatch(o -> o.cluster().equals(c)))
        .forEach(
            c ->
                why.add(
                    "cluster "
                        + c
                        + " does not get "
                        + host
                        + ": "
                        + (ClusterMesh.controlPlane(inputs, c).isEmpty()
                            ? "it has no Istio control plane"
                            : "cluster "
                                + exporter
                                + " has no east-west gateway with a TLS port that it can reach")));
    return why;
  }

  private void peerStatus(ServiceMeshPeerInput peer) {
    ObjectNode counts = Manifests.objectNode();
    counts.put("remoteCluster", peer.remoteCluster());
    boolean valid = invalidIfMisplaced(peer);
    boolean connected = valid && !OssmPeers.naming(peer.remoteCluster(), cluster, inputs).isEmpty();
    counts.put("connected", connected);
    if (valid && !connected) {
      note(
          peer.id(),
          Severity.WARNING,
          "cluster "
              + peer.remoteCluster()
              + " has no ServiceMeshPeer naming cluster "
              + cluster
              + " in its control-plane namespace: nothing is federated with it");
    }
    if (valid && peer.trustDomain() != null && !peer.trustDomain().isEmpty()) {
      String actual = ClusterMesh.trustDomain(inputs, peer.remoteCluster());
      if (!actual.equals(peer.trustDomain())) {
        note(
            peer.id(),
            Severity.WARNING,
            "spec.security.trustDomain: '"
                + peer.trustDomain()
                + "', but cluster "
                + peer.remoteCluster()
                + "'s mesh has trust domain '"
                + actual
                + "': its workloads' identities are in the latter");
      }
    }
    write(peer, 0, counts);
  }

  private void exportStatus(ExportedServiceSetInput set, List<OssmLinks.Link> links) {
    ObjectNode counts = Manifests.objectNode();
    ArrayNode exported = counts.putArray("exportedServices");
    if (invalidIfMisplaced(set)) {
      OssmExports.problems(set).forEach(p -> note(set.id(), Severity.INVALID, p));
      links.stream()
          .filter(l -> l.exports().id().equals(set.id()))
          .forEach(l -> entry(exported, l.exported().exportedName(set.id().name()), l, null));
      links.stream()
          .filter(l -> l.exports().id().equals(set.id()) && l.importerPeer().isPresent())
          .filter(l -> l.imported().isEmpty())
          .forEach(
              l ->
                  note(
                      set.id(),
                      Severity.WARNING,
                      l.exported().namespace()
                          + "/"
                          + l.exported().name()
                          + " is exported, but cluster "
                          + l.exporterPeer().remoteCluster()
                          + (l.imports().isEmpty()
                              ? " has no ImportedServiceSet "
                                  + l.importerPeer().get().id().name()
                                  + " to import it"
                              : " imports it by no rule of ImportedServiceSet "
                                  + l.imports().get().id().name())));
    }
    write(set, 0, counts);
  }

  private void importStatus(ImportedServiceSetInput set) {
    ObjectNode counts = Manifests.objectNode();
    ArrayNode imported = counts.putArray("importedServices");
    if (invalidIfMisplaced(set)) {
      OssmImports.problems(set).forEach(p -> note(set.id(), Severity.INVALID, p));
      ServiceMeshPeerInput peer = OssmPeers.peer(cluster, set.id().name(), inputs).orElseThrow();
      OssmLinks.from(peer.remoteCluster(), inputs).stream()
          .filter(l -> l.imports().map(Input::id).filter(set.id()::equals).isPresent())
          .filter(OssmLinks.Link::federated)
          .forEach(
              l ->
                  entry(
                      imported,
                      l.exported().exportedName(l.exports().id().name()),
                      l,
                      l.imported().get()));
    }
    if (imported.isEmpty() && OssmPeers.misplaced(set, inputs).isEmpty()) {
      note(
          set.id(),
          Severity.WARNING,
          "nothing is imported: cluster "
              + OssmPeers.peer(cluster, set.id().name(), inputs).orElseThrow().remoteCluster()
              + " exports nothing to cluster "
              + cluster
              + " that a rule matches");
    }
    write(set, 0, counts);
  }

  /** One of exportedServices[] or importedServices[], as OSSM writes them. */
  private static void entry(
      ArrayNode list, String exportedName, OssmLinks.Link link, OssmImports.Imported imported) {
    ObjectNode entry = list.addObject();
    entry.put("exportedName", exportedName);
    ObjectNode local = entry.putObject("localService");
    if (imported == null) {
      var service = link.exported().service().id();
      local.put("name", service.name());
      local.put("namespace", service.namespace());
      local.put("hostname", service.name() + "." + service.namespace() + ".svc.cluster.local");
    } else {
      local.put("name", imported.name());
      local.put("namespace", imported.namespace());
      local.put("hostname", imported.host());
    }
  }

  /** Reports why an input counts for nothing where it is; whether it counts. */
  private boolean invalidIfMisplaced(Input input) {
    Optional<String> misplaced = OssmPeers.misplaced(input, inputs);
    misplaced.ifPresent(why -> note(input.id(), Severity.INVALID, why));
    input.problems().forEach(p -> note(input.id(), Severity.WARNING, p + "; the field is ignored"));
    return misplaced.isEmpty();
  }

  private void note(ObjectId input, Severity severity, String message) {
    diagnostics
        .computeIfAbsent(input, k -> new ArrayList<>())
        .add(new Diagnostic(input, severity, message));
  }

  private void write(Input input, long generation, ObjectNode counts) {
    List<Diagnostic> all = diagnostics.getOrDefault(input.id(), List.of());
    all.forEach(out::diagnostic);
    out.status(StatusOutputs.of(input.id(), generation, all, counts, Optional.empty(), "accepted"));
  }
}
