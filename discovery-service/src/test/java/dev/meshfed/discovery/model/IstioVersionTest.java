package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IstioVersionTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      nullValues = "null",
      value = {
        "docker.io/istio/pilot:1.11.7-solo, 1.11.7",
        "gcr.io/istio-release/pilot:1.22.0, 1.22.0",
        "us-docker.pkg.dev/gloo-mesh/istio-workshops/pilot:1.12.6-solo, 1.12.6",
        "istio/pilot:1.9, 1.9",
        "pilot:1.20.3-distroless, 1.20.3",
        "registry.local:5000/istio/pilot:1.18.2, 1.18.2",
        "istio/pilot:1.21.0@sha256:0123456789abcdef, 1.21.0",
        "istio/pilot:latest, null",
        "istio/pilot@sha256:0123456789abcdef, null",
        "registry.local:5000/istio/pilot, null",
        "istio/pilot, null",
        "istio/pilot:v1.22.0, null",
        "'', null",
      })
  void parsesTheLeadingVersionOfTheTag(String image, String version) {
    assertThat(IstioVersion.fromImage(image).orElse(null)).isEqualTo(version);
  }
}
