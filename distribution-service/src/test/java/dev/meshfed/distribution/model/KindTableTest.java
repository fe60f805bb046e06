package dev.meshfed.distribution.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KindTableTest {

  @ParameterizedTest
  @CsvSource({
    "networking.istio.io/v1, ServiceEntry, serviceentries",
    "networking.istio.io/v1beta1, Gateway, gateways",
    "networking.istio.io/v1alpha3, VirtualService, virtualservices",
    "networking.istio.io/v1, DestinationRule, destinationrules",
    "networking.istio.io/v1, Sidecar, sidecars",
    "networking.istio.io/v1beta1, WorkloadEntry, workloadentries",
    "security.istio.io/v1beta1, AuthorizationPolicy, authorizationpolicies"
  })
  void resolvesIstioKindsAtTheRecordsVersion(String apiVersion, String kind, String plural) {
    ResourceType type = KindTable.ISTIO.resolve(new ObjectKey(apiVersion, kind, "ns", "n")).get();

    assertThat(type.kind().plural()).isEqualTo(plural);
    assertThat(type.apiVersion()).isEqualTo(apiVersion);
  }

  @ParameterizedTest
  @CsvSource({
    "networking.istio.io/v1, Deployment",
    "security.istio.io/v1, ServiceEntry",
    "v1, ServiceEntry",
    "networking.istio.io/, ServiceEntry",
    "networking.istio.io/v1, serviceentry"
  })
  void knowsNoOtherKind(String apiVersion, String kind) {
    assertThat(KindTable.ISTIO.resolve(new ObjectKey(apiVersion, kind, "ns", "n"))).isEmpty();
  }

  @Test
  void distributesIstioConfigAndServiceImports() {
    ResourceType serviceImport =
        KindTable.DISTRIBUTED
            .resolve(
                new ObjectKey("multicluster.x-k8s.io/v1alpha1", "ServiceImport", "bookinfo", "r"))
            .orElseThrow();

    assertThat(serviceImport.kind().plural()).isEqualTo("serviceimports");
    assertThat(serviceImport.kind().listVersions()).containsExactly("v1alpha1");
    assertThat(KindTable.DISTRIBUTED.kinds())
        .containsExactlyElementsOf(
            Stream.concat(
                    KindTable.ISTIO.kinds().stream(),
                    KindTable.MULTICLUSTER_SERVICES.kinds().stream())
                .toList());
  }

  @Test
  void knowsNoOtherMultiClusterServicesKind() {
    assertThat(
            KindTable.DISTRIBUTED.resolve(
                new ObjectKey("multicluster.x-k8s.io/v1alpha1", "ServiceExport", "bookinfo", "r")))
        .isEmpty();
    assertThat(
            KindTable.ISTIO.resolve(
                new ObjectKey("multicluster.x-k8s.io/v1alpha1", "ServiceImport", "bookinfo", "r")))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"networking.istio.io, v1", "security.istio.io, v1"})
  void listsEveryGroupNewestVersionFirst(String group, String newest) {
    assertThat(KindTable.ISTIO.kinds())
        .filteredOn(kind -> kind.group().equals(group))
        .isNotEmpty()
        .allSatisfy(kind -> assertThat(kind.listVersions()).first().isEqualTo(newest));
  }
}
