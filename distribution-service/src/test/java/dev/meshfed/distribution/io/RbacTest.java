package dev.meshfed.distribution.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.distribution.model.KindTable;
import dev.meshfed.distribution.model.ResourceKind;
import dev.meshfed.testbed.ManifestFiles;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * distribution-service's ClusterRole (k8s/base/distribution) on what it applies: exactly the kinds
 * it writes, with what it calls: list and watch (the managed objects, to prune and to see drift),
 * get (an object it is about to create, or that drifted), patch (server-side apply, and removing
 * fields others added), create (an apply that creates), delete. It never updates Istio config.
 */
class RbacTest {

  private static final Path RBAC = Path.of("../k8s/base/distribution/rbac.yaml");
  private static final String MULTICLUSTER = "multicluster.x-k8s.io";
  private static final List<String> APPLY_LOOP =
      List.of("get", "list", "watch", "create", "patch", "delete");

  @Test
  void istioConfigIsGrantedExactlyWhatTheApplyLoopCalls() {
    Set<String> granted = new TreeSet<>();
    for (PolicyRule rule : rules()) {
      if (rule.getApiGroups().stream().noneMatch(g -> g.endsWith("istio.io"))) {
        continue;
      }
      assertThat(rule.getVerbs())
          .as(rule.toString())
          .containsExactlyInAnyOrderElementsOf(APPLY_LOOP);
      for (String group : rule.getApiGroups()) {
        rule.getResources().forEach(resource -> granted.add(group + "/" + resource));
      }
    }
    Set<String> written = new TreeSet<>();
    for (ResourceKind kind : KindTable.ISTIO.kinds()) {
      written.add(kind.group() + "/" + kind.plural());
    }
    assertThat(granted).isEqualTo(written);
  }

  @Test
  void everyKindDistributedIsGrantedWhatTheApplyLoopCalls() {
    Map<String, Set<String>> granted = grantedVerbs();
    for (ResourceKind kind : KindTable.DISTRIBUTED.kinds()) {
      assertThat(granted.get(kind.group() + "/" + kind.plural()))
          .as(kind.kind())
          .containsAll(APPLY_LOOP);
    }
  }

  @Test
  void multiClusterServicesAreGrantedTheirObjectsAndStatuses() {
    Map<String, Set<String>> granted = new TreeMap<>(grantedVerbs());
    granted.keySet().removeIf(resource -> !resource.startsWith(MULTICLUSTER + "/"));

    assertThat(granted)
        .isEqualTo(
            Map.of(
                MULTICLUSTER + "/serviceimports",
                Set.of("get", "list", "watch", "create", "update", "patch", "delete"),
                MULTICLUSTER + "/serviceimports/status",
                Set.of("patch", "update"),
                MULTICLUSTER + "/serviceexports",
                Set.of("get", "list", "watch"),
                MULTICLUSTER + "/serviceexports/status",
                Set.of("get", "patch", "update")));
  }

  /** By group/resource, over all rules. */
  private static Map<String, Set<String>> grantedVerbs() {
    Map<String, Set<String>> granted = new TreeMap<>();
    for (PolicyRule rule : rules()) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          granted
              .computeIfAbsent(group + "/" + resource, r -> new TreeSet<>())
              .addAll(rule.getVerbs());
        }
      }
    }
    return granted;
  }

  private static List<PolicyRule> rules() {
    return new ArrayList<>(ManifestFiles.one(RBAC, ClusterRole.class).getRules());
  }
}
