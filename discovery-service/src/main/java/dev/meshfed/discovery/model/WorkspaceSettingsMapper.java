package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;
import static dev.meshfed.discovery.model.LenientReader.index;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.FederationOptions;
import dev.meshfed.schema.discovery.ServiceSelector;
import dev.meshfed.schema.discovery.WorkspaceSettingsState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WorkspaceSettings (meshfed.dev/v1alpha1, fields of Gloo Mesh 2.x) → kind WorkspaceSettings. Only
 * spec.options.federation is read; the other options are not discovery's concern.
 */
public final class WorkspaceSettingsMapper {

  private static final String FEDERATION = "spec.options.federation";

  private WorkspaceSettingsMapper() {}

  public static Mapping map(GenericKubernetesResource settings) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(settings.getAdditionalProperties().get("spec"), "spec");
    Optional<Map<?, ?>> options = reader.map(field(spec, "options"), "spec.options");
    Optional<Map<?, ?>> federation = reader.map(field(options, "federation"), FEDERATION);
    var state = new WorkspaceSettingsState(federation.map(f -> federation(reader, f)).orElse(null));
    var write =
        new Write(
            Keys.of(DiscoveredKinds.WORKSPACE_SETTINGS, settings), Envelope.wrap(settings, state));
    return new Mapping(List.of(write), reader.problems());
  }

  private static FederationOptions federation(LenientReader reader, Map<?, ?> federation) {
    return FederationOptions.newBuilder()
        .setEnabled(reader.bool(federation.get("enabled"), FEDERATION + ".enabled").orElse(false))
        .setHostSuffix(
            reader.string(federation.get("hostSuffix"), FEDERATION + ".hostSuffix").orElse(null))
        .setServiceSelector(
            serviceSelectors(
                reader, federation.get("serviceSelector"), FEDERATION + ".serviceSelector"))
        .build();
  }

  private static List<ServiceSelector> serviceSelectors(
      LenientReader reader, Object value, String path) {
    List<ServiceSelector> selectors = new ArrayList<>();
    List<?> items = reader.list(value, path);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = index(path, i);
      reader
          .map(items.get(i), itemPath)
          .ifPresent(item -> selectors.add(selector(reader, item, itemPath)));
    }
    return selectors;
  }

  private static ServiceSelector selector(LenientReader reader, Map<?, ?> item, String path) {
    return ServiceSelector.newBuilder()
        .setName(reader.string(item.get("name"), path + ".name").orElse(null))
        .setNamespace(reader.string(item.get("namespace"), path + ".namespace").orElse(null))
        .setCluster(reader.string(item.get("cluster"), path + ".cluster").orElse(null))
        .setLabels(reader.stringMap(item.get("labels"), path + ".labels"))
        .build();
  }
}
