package dev.meshfed.distribution.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusTargetTest {

  @Test
  void writesTheStatusOfEachDialectsInputsThroughItsOwnGroupAndPlural() {
    assertThat(type("Workspace", "meshfed.dev/v1alpha1"))
        .isEqualTo(kind("meshfed.dev", "Workspace", "workspaces", "v1alpha1"));
    assertThat(type("VirtualDestination", "meshfed.dev/v1alpha1"))
        .isEqualTo(kind("meshfed.dev", "VirtualDestination", "virtualdestinations", "v1alpha1"));
    assertThat(type("KubernetesCluster.admin.gloo.solo.io", "admin.gloo.solo.io/v2"))
        .isEqualTo(kind("admin.gloo.solo.io", "KubernetesCluster", "kubernetesclusters", "v2"));
    assertThat(type("VirtualDestination.networking.gloo.solo.io", "networking.gloo.solo.io/v2"))
        .isEqualTo(
            kind("networking.gloo.solo.io", "VirtualDestination", "virtualdestinations", "v2"));
  }

  @Test
  void writesTheWholeStatusOfOpenShiftServiceMeshFederationResources() {
    for (String[] kind :
        new String[][] {
          {"ServiceMeshPeer", "servicemeshpeers"},
          {"ExportedServiceSet", "exportedservicesets"},
          {"ImportedServiceSet", "importedservicesets"}
        }) {
      ResourceType type = type(kind[0] + ".federation.maistra.io", "federation.maistra.io/v1");

      assertThat(type).isEqualTo(kind("federation.maistra.io", kind[0], kind[1], "v1"));
      assertThat(StatusTarget.ownsWholeStatus(type)).as(kind[0]).isTrue();
      assertThat(StatusTarget.holdsConditions(type)).as(kind[0]).isFalse();
    }
  }

  @Test
  void writesTheStatusOfTheDestinationPoliciesOfBothDialects() {
    assertThat(type("FailoverPolicy", "meshfed.dev/v1alpha1"))
        .isEqualTo(kind("meshfed.dev", "FailoverPolicy", "failoverpolicies", "v1alpha1"));
    assertThat(type("OutlierDetectionPolicy", "meshfed.dev/v1alpha1"))
        .isEqualTo(
            kind("meshfed.dev", "OutlierDetectionPolicy", "outlierdetectionpolicies", "v1alpha1"));
    assertThat(
            type(
                "FailoverPolicy.resilience.policy.gloo.solo.io",
                "resilience.policy.gloo.solo.io/v2"))
        .isEqualTo(
            kind("resilience.policy.gloo.solo.io", "FailoverPolicy", "failoverpolicies", "v2"));
    assertThat(
            type(
                "OutlierDetectionPolicy.resilience.policy.gloo.solo.io",
                "resilience.policy.gloo.solo.io/v2"))
        .isEqualTo(
            kind(
                "resilience.policy.gloo.solo.io",
                "OutlierDetectionPolicy",
                "outlierdetectionpolicies",
                "v2"));
    assertThat(
            StatusTarget.ownsWholeStatus(
                type(
                    "FailoverPolicy.resilience.policy.gloo.solo.io",
                    "resilience.policy.gloo.solo.io/v2")))
        .isFalse();
  }

  @Test
  void writesTheStatusOfRouteTablesAndRoutePoliciesOfBothDialects() {
    assertThat(type("RouteTable", "meshfed.dev/v1alpha1"))
        .isEqualTo(kind("meshfed.dev", "RouteTable", "routetables", "v1alpha1"));
    assertThat(type("RetryTimeoutPolicy", "meshfed.dev/v1alpha1"))
        .isEqualTo(kind("meshfed.dev", "RetryTimeoutPolicy", "retrytimeoutpolicies", "v1alpha1"));
    assertThat(type("FaultInjectionPolicy", "meshfed.dev/v1alpha1"))
        .isEqualTo(
            kind("meshfed.dev", "FaultInjectionPolicy", "faultinjectionpolicies", "v1alpha1"));
    assertThat(type("RouteTable.networking.gloo.solo.io", "networking.gloo.solo.io/v2"))
        .isEqualTo(kind("networking.gloo.solo.io", "RouteTable", "routetables", "v2"));
    assertThat(
            type(
                "RetryTimeoutPolicy.resilience.policy.gloo.solo.io",
                "resilience.policy.gloo.solo.io/v2"))
        .isEqualTo(
            kind(
                "resilience.policy.gloo.solo.io",
                "RetryTimeoutPolicy",
                "retrytimeoutpolicies",
                "v2"));
    assertThat(
            type(
                "FaultInjectionPolicy.resilience.policy.gloo.solo.io",
                "resilience.policy.gloo.solo.io/v2"))
        .isEqualTo(
            kind(
                "resilience.policy.gloo.solo.io",
                "FaultInjectionPolicy",
                "faultinjectionpolicies",
                "v2"));
    assertThat(StatusTarget.ownsWholeStatus(type("RouteTable", "meshfed.dev/v1alpha1"))).isTrue();
    assertThat(
            StatusTarget.ownsWholeStatus(
                type("RouteTable.networking.gloo.solo.io", "networking.gloo.solo.io/v2")))
        .isFalse();
  }

  @Test
  void writesTheStatusOfTrafficControlPoliciesOfBothDialects() {
    assertThat(type("HeaderManipulationPolicy", "meshfed.dev/v1alpha1"))
        .isEqualTo(
            kind(
                "meshfed.dev",
                "HeaderManipulationPolicy",
                "headermanipulationpolicies",
                "v1alpha1"));
    assertThat(type("MirrorPolicy", "meshfed.dev/v1alpha1"))
        .isEqualTo(kind("meshfed.dev", "MirrorPolicy", "mirrorpolicies", "v1alpha1"));
    assertThat(
            type(
                "HeaderManipulationPolicy.trafficcontrol.policy.gloo.solo.io",
                "trafficcontrol.policy.gloo.solo.io/v2"))
        .isEqualTo(
            kind(
                "trafficcontrol.policy.gloo.solo.io",
                "HeaderManipulationPolicy",
                "headermanipulationpolicies",
                "v2"));
    assertThat(
            type(
                "MirrorPolicy.trafficcontrol.policy.gloo.solo.io",
                "trafficcontrol.policy.gloo.solo.io/v2"))
        .isEqualTo(
            kind("trafficcontrol.policy.gloo.solo.io", "MirrorPolicy", "mirrorpolicies", "v2"));
    assertThat(StatusTarget.ownsWholeStatus(type("MirrorPolicy", "meshfed.dev/v1alpha1"))).isTrue();
    assertThat(
            StatusTarget.ownsWholeStatus(
                type(
                    "MirrorPolicy.trafficcontrol.policy.gloo.solo.io",
                    "trafficcontrol.policy.gloo.solo.io/v2")))
        .isFalse();
  }

  @Test
  void writesTheStatusOfAccessPoliciesOfBothDialects() {
    assertThat(type("AccessPolicy", "meshfed.dev/v1alpha1"))
        .isEqualTo(kind("meshfed.dev", "AccessPolicy", "accesspolicies", "v1alpha1"));
    assertThat(type("AccessPolicy.security.policy.gloo.solo.io", "security.policy.gloo.solo.io/v2"))
        .isEqualTo(kind("security.policy.gloo.solo.io", "AccessPolicy", "accesspolicies", "v2"));
    assertThat(StatusTarget.ownsWholeStatus(type("AccessPolicy", "meshfed.dev/v1alpha1"))).isTrue();
    assertThat(
            StatusTarget.ownsWholeStatus(
                type(
                    "AccessPolicy.security.policy.gloo.solo.io",
                    "security.policy.gloo.solo.io/v2")))
        .isFalse();
  }

  @Test
  void writesTheStatusOfExternalServicesAndEndpointsOfBothDialects() {
    var plurals =
        Map.of("ExternalService", "externalservices", "ExternalEndpoint", "externalendpoints");
    plurals.forEach(
        (name, plural) -> {
          String gloo = name + ".networking.gloo.solo.io";
          assertThat(type(name, "meshfed.dev/v1alpha1"))
              .isEqualTo(kind("meshfed.dev", name, plural, "v1alpha1"));
          assertThat(type(gloo, "networking.gloo.solo.io/v2"))
              .isEqualTo(kind("networking.gloo.solo.io", name, plural, "v2"));
          assertThat(StatusTarget.ownsWholeStatus(type(name, "meshfed.dev/v1alpha1"))).isTrue();
          assertThat(StatusTarget.ownsWholeStatus(type(gloo, "networking.gloo.solo.io/v2")))
              .isFalse();
          assertThat(target(name).type("networking.gloo.solo.io/v2")).isEmpty();
          assertThat(target(gloo).type("security.policy.gloo.solo.io/v2")).isEmpty();
        });
  }

  @Test
  void meshfedOwnsTheWholeStatusOfItsOwnResourcesOnly() {
    assertThat(StatusTarget.ownsWholeStatus(type("VirtualDestination", "meshfed.dev/v1alpha1")))
        .isTrue();
    assertThat(
            StatusTarget.ownsWholeStatus(
                type("VirtualDestination.networking.gloo.solo.io", "networking.gloo.solo.io/v2")))
        .isFalse();
  }

  @Test
  void writesTheWholeStatusOfServiceExportsWithTheTimesOfTheirConditions() {
    ResourceType serviceExport =
        type("ServiceExport.multicluster.x-k8s.io", "multicluster.x-k8s.io/v1alpha1");

    assertThat(serviceExport)
        .isEqualTo(kind("multicluster.x-k8s.io", "ServiceExport", "serviceexports", "v1alpha1"));
    assertThat(StatusTarget.ownsWholeStatus(serviceExport)).isTrue();
    assertThat(StatusTarget.holdsConditions(serviceExport)).isTrue();
    assertThat(target("ServiceExport.multicluster.x-k8s.io").type("meshfed.dev/v1alpha1"))
        .isEmpty();
    assertThat(target("ServiceImport.multicluster.x-k8s.io").type("multicluster.x-k8s.io/v1alpha1"))
        .isEmpty();
  }

  @Test
  void onlyServiceExportsHoldConditions() {
    assertThat(StatusTarget.holdsConditions(type("Workspace", "meshfed.dev/v1alpha1"))).isFalse();
    assertThat(
            StatusTarget.holdsConditions(
                type("Workspace.admin.gloo.solo.io", "admin.gloo.solo.io/v2")))
        .isFalse();
  }

  @Test
  void writesNothingWhereTheApiVersionIsNotTheKindsOwnOrTheKindNotMeshfeds() {
    assertThat(target("VirtualDestination").type("networking.gloo.solo.io/v2")).isEmpty();
    assertThat(target("VirtualDestination.networking.gloo.solo.io").type("meshfed.dev/v1alpha1"))
        .isEmpty();
    assertThat(target("VirtualDestination.networking.gloo.solo.io").type("admin.gloo.solo.io/v2"))
        .isEmpty();
    assertThat(target("Workspace.admin.gloo.solo.io").type("networking.gloo.solo.io/v2")).isEmpty();
    assertThat(target("FailoverPolicy").type("resilience.policy.gloo.solo.io/v2")).isEmpty();
    assertThat(
            target("OutlierDetectionPolicy.resilience.policy.gloo.solo.io")
                .type("meshfed.dev/v1alpha1"))
        .isEmpty();
    assertThat(
            target("FailoverPolicy.resilience.policy.gloo.solo.io")
                .type("networking.gloo.solo.io/v2"))
        .isEmpty();
    assertThat(target("Service").type("v1")).isEmpty();
    assertThat(target("RouteTable").type("networking.gloo.solo.io/v2")).isEmpty();
    assertThat(
            target("RetryTimeoutPolicy.resilience.policy.gloo.solo.io")
                .type("networking.gloo.solo.io/v2"))
        .isEmpty();
    assertThat(target("MirrorPolicy").type("trafficcontrol.policy.gloo.solo.io/v2")).isEmpty();
    assertThat(
            target("HeaderManipulationPolicy.trafficcontrol.policy.gloo.solo.io")
                .type("resilience.policy.gloo.solo.io/v2"))
        .isEmpty();
    assertThat(target("AccessPolicy").type("security.policy.gloo.solo.io/v2")).isEmpty();
    assertThat(
            target("AccessPolicy.security.policy.gloo.solo.io")
                .type("trafficcontrol.policy.gloo.solo.io/v2"))
        .isEmpty();
    assertThat(target("VirtualService").type("networking.istio.io/v1")).isEmpty();
  }

  private static StatusTarget target(String kind) {
    return new StatusTarget(kind, "bookinfo", "reviews");
  }

  private static ResourceType type(String kind, String apiVersion) {
    return target(kind).type(apiVersion).orElseThrow();
  }

  private static ResourceType kind(String group, String kind, String plural, String version) {
    return new ResourceKind(group, kind, plural, List.of(version)).atVersion(version);
  }
}
