package dev.meshfed.discovery.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.discovery.model.Source;
import dev.meshfed.testbed.ManifestFiles;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * discovery-service's ClusterRole (k8s/base/discovery) grants list and watch on exactly what its
 * informers watch, and nothing else but reading API discovery (whether Gloo's, the Multi-Cluster
 * Services API's and OpenShift Service Mesh's CRDs are served).
 */
class RbacTest {

  private static final Path RBAC = Path.of("../k8s/base/discovery/rbac.yaml");

  @Test
  void theClusterRoleGrantsListAndWatchOnExactlyTheWatchedResources() throws Exception {
    ClusterRole role = ManifestFiles.one(RBAC, ClusterRole.class);
    Set<String> granted = new TreeSet<>();
    for (PolicyRule rule : role.getRules()) {
      if (rule.getNonResourceURLs() != null && !rule.getNonResourceURLs().isEmpty()) {
        assertThat(rule.getNonResourceURLs()).containsExactlyInAnyOrder("/apis", "/apis/*");
        assertThat(rule.getVerbs()).containsExactly("get");
        continue;
      }
      assertThat(rule.getVerbs()).as(rule.toString()).containsExactlyInAnyOrder("list", "watch");
      for (String group : rule.getApiGroups()) {
        rule.getResources().forEach(resource -> granted.add(group + "/" + resource));
      }
    }
    Set<String> watched = new TreeSet<>();
    for (Source source : Source.values()) {
      List<String> resource = source.groupAndResource();
      watched.add(resource.get(0) + "/" + resource.get(1));
    }
    assertThat(granted).isEqualTo(watched);
  }
}
