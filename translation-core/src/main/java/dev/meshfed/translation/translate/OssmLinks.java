package dev.meshfed.translation.translate;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.translation.model.ExportedServiceSetInput;
import dev.meshfed.translation.model.ImportedServiceSetInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServiceMeshPeerInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.model.WorkspaceInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one cluster's OSSM exports come to: for each peer it exports to and each Service its set
 * exports, whether the peer's cluster imports it back (its peer naming this cluster, and the first
 * matching rule of the set named after that peer), and under which host. A service is federated
 * only when one side exports it and the other imports it.
 */
final class OssmLinks {

  private OssmLinks() {}

  /**
   * One exported service and its importer's side.
   *
   * @param importerPeer the importer's ServiceMeshPeer naming the exporter: absent, the peers are
   *     not connected
   */
  record Link(
      ServiceMeshPeerInput exporterPeer,
      ExportedServiceSetInput exports,
      OssmExports.Exported exported,
      Optional<ServiceMeshPeerInput> importerPeer,
      Optional<ImportedServiceSetInput> imports,
      Optional<OssmImports.Imported> imported) {

    boolean federated() {
      return imported.isPresent();
    }
  }

  /** Every link of the services {@code exporter} exports, by peer name then service. */
  static List<Link> from(String exporter, MeshInputs inputs) {
    List<Link> links = new ArrayList<>();
    inputs
        .inCluster(exporter, ServiceMeshPeerInput.class)
        .filter(p -> OssmPeers.misplaced(p, inputs).isEmpty())
        .sorted(java.util.Comparator.comparing(p -> p.id().name()))
        .forEach(
            peer ->
                OssmPeers.exportsTo(peer, inputs)
                    .filter(set -> OssmPeers.misplaced(set, inputs).isEmpty())
                    .filter(set -> OssmExports.problems(set).isEmpty())
                    .ifPresent(set -> links.addAll(links(peer, set, inputs))));
    return links;
  }

  private static List<Link> links(
      ServiceMeshPeerInput peer, ExportedServiceSetInput set, MeshInputs inputs) {
    Optional<ServiceMeshPeerInput> back =
        OssmPeers.naming(peer.remoteCluster(), peer.id().cluster(), inputs).stream().findFirst();
    Optional<ImportedServiceSetInput> imports =
        back.flatMap(b -> OssmPeers.importsFrom(b, inputs))
            .filter(i -> OssmImports.problems(i).isEmpty());
    List<Link> links = new ArrayList<>();
    for (OssmExports.Exported exported : OssmExports.of(set, inputs)) {
      Optional<OssmImports.Imported> imported =
          imports.flatMap(i -> OssmImports.of(i, back.get(), exported));
      links.add(new Link(peer, set, exported, back, imports, imported));
    }
    return links;
  }

  /**
   * The federated links as VirtualDestinations meshfed makes: one per exported Service and host,
   * backed by the Service, for the exporter's control-plane namespace (its gateway's entry for the
   * host) and every namespace of each importing cluster.
   */
  static List<MadeDestination> destinations(List<Link> links, MeshInputs inputs) {
    Map<List<Object>, List<Link>> byServiceAndHost = new LinkedHashMap<>();
    links.stream()
        .filter(Link::federated)
        .forEach(
            l ->
                byServiceAndHost
                    .computeIfAbsent(
                        List.of(l.exported().service().id(), l.imported().get().host()),
                        k -> new ArrayList<>())
                    .add(l));
    List<MadeDestination> made = new ArrayList<>();
    byServiceAndHost.values().forEach(group -> made.add(destination(group, inputs)));
    return made;
  }

  private static MadeDestination destination(List<Link> group, MeshInputs inputs) {
    Link first = group.get(0);
    ServiceInput service = first.exported().service();
    String host = first.imported().orElseThrow().host();
    ObjectId id =
        new ObjectId(
            service.id().cluster(),
            DiscoveredKinds.EXPORTED_SERVICE_SET,
            service.id().namespace(),
            host);
    VirtualDestinationInput vd =
        new VirtualDestinationInput(
            id,
            null,
            0,
            List.of(host),
            List.of(
                new VirtualDestinationInput.ObjectSelector(
                    service.id().name(),
                    service.id().namespace(),
                    service.id().cluster(),
                    null,
                    Map.of())),
            List.of(),
            Map.of(),
            service.ports().stream()
                .filter(Protocols::carried)
                .map(p -> new VirtualDestinationInput.Port(p.port(), Protocols.of(p), null))
                .toList(),
            List.of());
    SortedMap<String, SortedSet<String>> audience = new TreeMap<>();
    audience.put(
        service.id().cluster(), new TreeSet<>(List.of(first.exporterPeer().id().namespace())));
    group.forEach(
        l -> audience.put(l.exporterPeer().remoteCluster(), new TreeSet<>(List.of(Selectors.ANY))));
    WorkspaceInput peering =
        new WorkspaceInput(first.exports().id(), null, Map.of(), List.of(), 0, List.of());
    Map<String, String> localities = new TreeMap<>();
    group.forEach(
        l ->
            l.imports()
                .map(ImportedServiceSetInput::locality)
                .ifPresent(locality -> localities.put(l.exporterPeer().remoteCluster(), locality)));
    return new MadeDestination(
        vd,
        new WorkspacePlan(peering, audience, Optional.empty(), Optional.empty()),
        localities,
        joins(group, inputs),
        sources(group));
  }

  /** The peers and import sets that make each cluster's objects, beside the export set. */
  private static Map<String, List<ObjectId>> sources(List<Link> group) {
    Map<String, List<ObjectId>> sources = new TreeMap<>();
    Link first = group.get(0);
    sources.put(first.exported().service().id().cluster(), List.of(first.exporterPeer().id()));
    for (Link link : group) {
      List<ObjectId> ids = new ArrayList<>();
      link.importerPeer().ifPresent(peer -> ids.add(peer.id()));
      link.imports().ifPresent(set -> ids.add(set.id()));
      sources.put(link.exporterPeer().remoteCluster(), ids);
    }
    return sources;
  }

  /**
   * The importers' own Services that importAsLocal joins: those named as the host is. An importer
   * without one gets the host as any other imported one.
   */
  private static Map<String, ServiceInput> joins(List<Link> group, MeshInputs inputs) {
    Map<String, ServiceInput> joins = new TreeMap<>();
    for (Link link : group) {
      OssmImports.Imported imported = link.imported().orElseThrow();
      String importer = link.exporterPeer().remoteCluster();
      if (imported.asLocal()) {
        inputs
            .get(
                new ObjectId(
                    importer, DiscoveredKinds.SERVICE, imported.namespace(), imported.name()))
            .filter(ServiceInput.class::isInstance)
            .map(ServiceInput.class::cast)
            .ifPresent(service -> joins.put(importer, service));
      }
    }
    return joins;
  }
}
