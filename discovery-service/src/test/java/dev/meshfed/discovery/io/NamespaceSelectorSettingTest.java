package dev.meshfed.discovery.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshfed.discovery.model.NamespaceSelection;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamespaceSelectorSettingTest {

  @Test
  void absentSelectsEveryNamespace() {
    assertThat(DiscoveryApp.namespaceSelection(Optional.empty()))
        .isSameAs(NamespaceSelection.EVERYTHING);
  }

  @Test
  void aSelectorSelectsByNamespaceLabels() {
    NamespaceSelection selection =
        DiscoveryApp.namespaceSelection(Optional.of("istio-discovery=enabled"));

    assertThat(selection.selects(Map.of("istio-discovery", "enabled"))).isTrue();
    assertThat(selection.selects(Map.of())).isFalse();
  }

  @Test
  void anInvalidSelectorStopsTheServiceNamingTheSetting() {
    assertThatThrownBy(() -> DiscoveryApp.namespaceSelection(Optional.of("env in prod")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("meshfed.discovery.namespace-selector: Invalid label selector");
  }
}
