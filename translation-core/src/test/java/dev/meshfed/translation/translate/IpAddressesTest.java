package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "192.0.2.10",
        "0.0.0.0",
        "10.0.0.0/8",
        "192.0.2.10/32",
        "2001:db8::10",
        "::1",
        "::",
        "2001:db8::/32",
        "::ffff:192.0.2.1",
        "1:2:3:4:5:6:7:8",
        "fe80::/128"
      })
  void acceptsWhatIstiosServiceEntryValidationAccepts(String address) {
    assertThat(IpAddresses.isIpOrCidr(address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "db.example.com",
        "256.0.0.1",
        "10.0.0",
        "10.0.0.0/33",
        "10.0.0.0/",
        "10.0.0.0/x",
        "2001:db8::/129",
        "1:2:3:4:5:6:7:8:9",
        "1::2::3",
        "12345::",
        "*",
        "10.0.0.1 "
      })
  void refusesAnythingElse(String address) {
    assertThat(IpAddresses.isIpOrCidr(address)).isFalse();
  }
}
