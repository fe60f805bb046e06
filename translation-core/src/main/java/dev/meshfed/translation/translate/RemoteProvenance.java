package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The provenance of the WorkloadEntries a consuming cluster has for one other backing cluster: what
 * the consumer's entry and rules name, less the backing services of every cluster the entries are
 * not about. An entry is shaped by its own cluster's backing service (the port its pods serve, the
 * labels for subsets and priorities) and the consumer's (the labels its entry selects by), not by
 * the other 18 of 20: naming all of them made four fifths of a VirtualDestination's manifests at 20
 * clusters, in every record, digest and apply.
 */
final class RemoteProvenance {

  private RemoteProvenance() {}

  /** Per other backing cluster, by name; {@code shared} is the consumer's entry's provenance. */
  static Map<String, Provenance> of(
      Provenance shared,
      Map<String, ServiceInput> backing,
      String consumer,
      List<VirtualDestinationObjects.Remote> remotes) {
    Set<ObjectId> backingServices = new HashSet<>();
    backing.values().forEach(service -> backingServices.add(service.id()));
    List<ObjectId> ids = shared.ids();
    int size = ids.size();
    String[] refs = new String[size];
    // per source: null if every entry names it, else the cluster whose entries alone name it
    String[] onlyFor = new String[size];
    for (int i = 0; i < size; i++) {
      ObjectId id = ids.get(i);
      refs[i] = id.ref();
      boolean everyEntry = !backingServices.contains(id) || id.cluster().equals(consumer);
      onlyFor[i] = everyEntry ? null : id.cluster();
    }
    Map<String, Provenance> perRemote = new HashMap<>();
    for (VirtualDestinationObjects.Remote remote : remotes) {
      List<ObjectId> kept = new ArrayList<>(size);
      StringJoiner annotation = new StringJoiner(",");
      for (int i = 0; i < size; i++) {
        if (onlyFor[i] == null || onlyFor[i].equals(remote.cluster())) {
          kept.add(ids.get(i));
          annotation.add(refs[i]);
        }
      }
      perRemote.put(remote.cluster(), new Provenance(List.copyOf(kept), annotation.toString()));
    }
    return perRemote;
  }
}
