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
 * distinct): each input is written once, in {@code sources}, and each host lists its inputs by
 * their place there. Written whole, those sources were six sevenths of such a unit's stored
 * summary.
 *
 * @param objects the written objects, without what their hosts' events say
 * @param hosts what they say, for the objects that are a federated host's
 */
record StoredUnitSummary(
    List<ObjectId> sources,
    List<WrittenObject> objects,
    List<StoredHost> hosts,
    List<Diagnostic> diagnostics,
    List<StatusOutput> statuses) {

  /**
   * A {@link HostedObject}: its cluster, kind, namespace and name are its written object's.
   *
   * @param object the place of its written object in {@code objects}
   * @param sources places in the summary's {@code sources}
   */
  record StoredHost(
      int object,
      String host,
      String workspace,
      String sourceCluster,
      int[] sources,
      String reason) {}

  static StoredUnitSummary of(UnitSummary summary) {
    Map<ObjectId, Integer> places = new HashMap<>();
    List<ObjectId> sources = new ArrayList<>();
    List<WrittenObject> objects = new ArrayList<>(summary.objects().size());
    List<StoredHost> hosts = new ArrayList<>();
    for (WrittenObject object : summary.objects()) {
      HostedObject hosted = object.hosted();
      if (hosted != null) {
        int[] inputs =
            hosted.sources().stream()
                .mapToInt(
                    id ->
                        places.computeIfAbsent(
                            id,
                            added -> {
                              sources.add(added);
                              return sources.size() - 1;
                            }))
                .toArray();
        hosts.add(
            new StoredHost(
                objects.size(),
                hosted.host(),
                hosted.workspace(),
                hosted.sourceCluster(),
                inputs,
                hosted.reason()));
      }
      objects.add(object.withHosted(null));
    }
    return new StoredUnitSummary(
        sources, objects, hosts, summary.diagnostics(), summary.statuses());
  }

  UnitSummary summary() {
    List<WrittenObject> written = new ArrayList<>(objects);
    for (StoredHost host : hosts) {
      WrittenObject object = written.get(host.object());
      written.set(
          host.object(),
          object.withHosted(
              new HostedObject(
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
