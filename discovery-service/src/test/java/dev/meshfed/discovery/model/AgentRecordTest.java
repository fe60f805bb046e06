package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.AgentState;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentRecordTest {

  @Test
  void listsTheKindsOfTheWatchedSourcesOnly() {
    Write agent =
        AgentRecord.of(
            "0.1.0", "run-1", List.of(Source.SERVICES, Source.GLOO_WORKSPACES, Source.NAMESPACES));

    assertThat(((AgentState) agent.value().getPayload()).getWatchedKinds())
        .containsExactly("EastWestGateway", "Namespace", "Service", "Workspace.admin.gloo.solo.io");
  }

  @Test
  void listsEveryKindSortedWhereEverySourceIsWatched() {
    Write agent = AgentRecord.of("0.1.0", "run-1", List.of(Source.values()));

    assertThat(agent.key()).isEqualTo(Keys.of("Agent", "", "discovery"));
    assertThat(agent.value().getUid()).isEqualTo("run-1");
    assertThat(agent.value().getPayload())
        .isEqualTo(
            new AgentState(
                "0.1.0",
                List.of(
                    "AccessPolicy",
                    "AccessPolicy.security.policy.gloo.solo.io",
                    "ControlPlane",
                    "DaemonSet",
                    "Deployment",
                    "EastWestGateway",
                    "EndpointSlice",
                    "ExportedServiceSet.federation.maistra.io",
                    "ExternalEndpoint",
                    "ExternalEndpoint.networking.gloo.solo.io",
                    "ExternalService",
                    "ExternalService.networking.gloo.solo.io",
                    "FailoverPolicy",
                    "FailoverPolicy.resilience.policy.gloo.solo.io",
                    "FaultInjectionPolicy",
                    "FaultInjectionPolicy.resilience.policy.gloo.solo.io",
                    "HeaderManipulationPolicy",
                    "HeaderManipulationPolicy.trafficcontrol.policy.gloo.solo.io",
                    "ImportedServiceSet.federation.maistra.io",
                    "KubernetesCluster",
                    "KubernetesCluster.admin.gloo.solo.io",
                    "MeshConfig",
                    "MirrorPolicy",
                    "MirrorPolicy.trafficcontrol.policy.gloo.solo.io",
                    "Namespace",
                    "Node",
                    "OutlierDetectionPolicy",
                    "OutlierDetectionPolicy.resilience.policy.gloo.solo.io",
                    "RetryTimeoutPolicy",
                    "RetryTimeoutPolicy.resilience.policy.gloo.solo.io",
                    "RouteTable",
                    "RouteTable.networking.gloo.solo.io",
                    "Service",
                    "ServiceExport.multicluster.x-k8s.io",
                    "ServiceMeshPeer.federation.maistra.io",
                    "StatefulSet",
                    "VirtualDestination",
                    "VirtualDestination.networking.gloo.solo.io",
                    "Workspace",
                    "Workspace.admin.gloo.solo.io",
                    "WorkspaceSettings",
                    "WorkspaceSettings.admin.gloo.solo.io")));
  }

  @Test
  void everyPublishedKindHasOneSource() {
    for (String kind : Source.publishedKinds()) {
      assertThat(Source.publishing(kind)).as(kind).isPresent();
    }
    assertThat(Source.publishing(DiscoveredKinds.AGENT)).isEmpty();
  }
}
