package dev.meshfed.distribution.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.distribution.model.KindTable;
import dev.meshfed.distribution.model.ResourceKind;
import dev.meshfed.testbed.ManifestFiles;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * distribution-service's ClusterRole (k8s/base/distribution) on Istio config: exactly the kinds it
 * writes, with what it calls: list and watch (the managed objects, to prune and to see drift), get
 * (an object it is about to create, or that drifted), patch (server-side apply, and removing fields
 * others added), create (an apply that creates), delete. It never updates them.
 */
class RbacTest {

  private static final Path RBAC = Path.of("../k8s/base/distribution/rbac.yaml");

  @Test
  void istioConfigIsGrantedExactlyWhatTheApplyLoopCalls() throws Exception {
    Set<String> granted = new TreeSet<>();
    for (PolicyRule rule : ManifestFiles.one(RBAC, ClusterRole.class).getRules()) {
      if (rule.getApiGroups().stream().noneMatch(g -> g.endsWith("istio.io"))) {
        continue;
      }
      assertThat(rule.getVerbs())
          .as(rule.toString())
          .containsExactlyInAnyOrder("get", "list", "watch", "create", "patch", "delete");
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
}
