package dev.meshfed.translation.records;

import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.FederationTranslator;
import dev.meshfed.translation.translate.TranslationSettings;
import dev.meshfed.translation.translate.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A whole snapshot of discovered inputs translated at once into the desired records the pipeline
 * publishes for it, for audits that hold what was published against what the inputs imply. It uses
 * the live processor's conversion, translator and record factory; it does no I/O.
 */
public final class Recomputation {

  private final MeshInputs inputs;
  private final List<ObjectId> ignored;

  private Recomputation(MeshInputs inputs, List<ObjectId> ignored) {
    this.inputs = inputs;
    this.ignored = List.copyOf(ignored);
  }

  /**
   * The inputs as the translation would hold them after reading {@code snapshot}.
   *
   * @param snapshot per cluster, the discovered objects of its topic by key (no tombstones)
   */
  public static Recomputation of(
      Map<String, ? extends Map<DiscoveryKey, DiscoveredObject>> snapshot) {
    MeshInputs inputs = new MeshInputs();
    List<ObjectId> ignored = new ArrayList<>();
    snapshot.forEach(
        (cluster, objects) ->
            objects.forEach(
                (key, value) -> {
                  ObjectId id =
                      new ObjectId(cluster, key.getKind(), key.getNamespace(), key.getName());
                  InputConverter.toInput(id, value)
                      .ifPresentOrElse(inputs::put, () -> ignored.add(id));
                }));
    Collections.sort(ignored);
    return new Recomputation(inputs, ignored);
  }

  /**
   * What translation publishes for these inputs: per target cluster, its desired records by key, in
   * the translator's output order (kind, namespace, name, apiVersion). Clusters it publishes
   * nothing to are absent.
   */
  public SortedMap<String, Map<DesiredKey, DesiredObject>> desired(TranslationSettings settings) {
    SortedMap<String, Map<DesiredKey, DesiredObject>> byCluster = new TreeMap<>();
    FederationTranslator.translateAll(inputs, settings).values().stream()
        .flatMap(result -> result.outputs().stream())
        .sorted()
        .forEach(
            output -> {
              TargetedKey key = RecordFactory.key(output);
              byCluster
                  .computeIfAbsent(key.cluster(), c -> new LinkedHashMap<>())
                  .put(key.key(), RecordFactory.desired(output));
            });
    byCluster.replaceAll((cluster, records) -> Collections.unmodifiableMap(records));
    return Collections.unmodifiableSortedMap(byCluster);
  }

  /**
   * Whether these inputs produce the object KIND/NAMESPACE/NAME of a cluster, and if not, which
   * translation rule keeps it out.
   */
  public Verdict verdict(
      TranslationSettings settings, String cluster, String kind, String namespace, String name) {
    return FederationTranslator.verdict(inputs, settings, cluster, kind, namespace, name);
  }

  /** Inputs whose payload is of no kind this version knows: translation ignores them too. */
  public List<ObjectId> ignored() {
    return ignored;
  }
}
