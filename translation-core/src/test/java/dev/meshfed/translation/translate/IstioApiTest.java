package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IstioApiTest {

  @ParameterizedTest
  @CsvSource({
    "1.22.0, true",
    "1.22, true",
    "1.24.2-distroless, true",
    "1.21.9, false",
    "1.9.0, false",
    "2.0.0, true",
    "0.99.0, false",
    "1.220, true",
    "99999999999999999999.1, true",
    "1.99999999999999999999, true",
    "1., false",
    ".22, false",
    "1-22, false",
    "v1.22.0, false",
    "'', false",
    "1.x, false"
  })
  void knowsWhichVersionsAreAtLeast122(String version, boolean atLeast) {
    assertThat(IstioApi.atLeast(version, 22)).isEqualTo(atLeast);
    assertThat(IstioApi.networkingApiVersion(version))
        .isEqualTo(atLeast ? IstioApi.V1 : IstioApi.V1BETA1);
  }

  @org.junit.jupiter.api.Test
  void noVersionIsNoneOfThem() {
    assertThat(IstioApi.atLeast(null, 0)).isFalse();
  }
}
