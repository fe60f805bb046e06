package dev.meshfed.translation.model;

import java.util.List;
import java.util.Map;

/** WorkspaceSettings: configures the workspace its own namespace belongs to. */
public record WorkspaceSettingsInput(ObjectId id, String creationTimestamp, Federation federation)
    implements Input {

  /** {@code options.federation}; null fields mean "not set". */
  public record Federation(boolean enabled, String hostSuffix, List<ServiceSelector> selectors) {

    public Federation {
      selectors = List.copyOf(selectors);
    }
  }

  /** Every set field must match; an empty selector matches every service. */
  public record ServiceSelector(
      String name, String namespace, String cluster, Map<String, String> labels) {

    public ServiceSelector {
      labels = Map.copyOf(labels);
    }
  }
}
