package dev.meshfed.translation.topology;

import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.Diagnostic;
import dev.meshfed.translation.translate.HostedObject;
import dev.meshfed.translation.translate.StatusOutput;
import dev.meshfed.translation.translate.UnitSummary;
import dev.meshfed.translation.translate.WrittenObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit's summary as the units store keeps it. The federated hosts' ServiceEntries of a unit name
 * mostly the same inputs (a VirtualDestination backed in 20 clusters: 20 entries of 22 sources, 45
 * distinct): each input is written once, in {@code sources}, and each entry lists its inputs by
 * their place there. A hosted object's cluster, kind, namespace and name are its written object's.
 * Written whole, those sources were six sevenths of such a unit's stored summary.
 */
record StoredUnitSummary(
    List<ObjectId> sources,
    List<StoredObject> objects,
    List<Diagnostic> diagnostics,
    List<StatusOutput> statuses) {

  /** A written object, with what its host's events say of it if it is a federated host's. */
  record StoredObject(
      String cluster,
      String apiVersion,
      String kind,
      String namespace,
      String name,
      String digest,
      StoredHost hosted) {}

  /**
   * @param sources places in the summary's {@code sources}
   */
  record StoredHost(
      String host, String workspace, String sourceCluster, int[] sources, String reason) {}

  static StoredUnitSummary of(UnitSummary summary) {
    Map<ObjectId, Integer> places = new HashMap<>();
    List<ObjectId> sources = new ArrayList<>();
    List<StoredObject> objects = new ArrayList<>(summary.objects().size());
    for (WrittenObject object : summary.objects()) {
      HostedObject hosted = object.hosted();
      StoredHost host =
          hosted == null
              ? null
              : new StoredHost(
                  hosted.host(),
                  hosted.workspace(),
                  hosted.sourceCluster(),
                  hosted.sources().stream()
                      .mapToInt(
                          id ->
                              places.computeIfAbsent(
                                  id,
                                  added -> {
                                    sources.add(added);
                                    return sources.size() - 1;
                                  }))
                      .toArray(),
                  hosted.reason());
      objects.add(
          new StoredObject(
              object.cluster(),
              object.apiVersion(),
              object.kind(),
              object.namespace(),
              object.name(),
              object.digest(),
              host));
    }
    return new StoredUnitSummary(sources, objects, summary.diagnostics(), summary.statuses());
  }

  UnitSummary summary() {
    List<WrittenObject> written = new ArrayList<>(objects.size());
    for (StoredObject object : objects) {
      StoredHost host = object.hosted();
      written.add(
          new WrittenObject(
              object.cluster(),
              object.apiVersion(),
              object.kind(),
              object.namespace(),
              object.name(),
              object.digest(),
              host == null
                  ? null
                  : new HostedObject(
                      object.cluster(),
                      object.kind(),
                      object.namespace(),
                      object.name(),
                      host.host(),
                      host.workspace(),
                      host.sourceCluster(),
                      Arrays.stream(host.sources()).mapToObj(sources::get).toList(),
                      host.reason())));
    }
    return new UnitSummary(written, diagnostics, statuses);
  }
}
