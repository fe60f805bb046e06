package dev.meshfed.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

  @Test
  void portsComeFromBelowTheEphemeralRangeAndAreNeverHandedOutTwice() {
    int ephemeralLow = LoopbackPorts.ephemeralLow();
    Set<Integer> ports = new HashSet<>();
    IntStream.range(0, 200).forEach(n -> ports.add(LoopbackPorts.free()));

    assertThat(ports).hasSize(200).allMatch(port -> port < ephemeralLow);
  }

  @Test
  void aPortHandedOutCanBeBound() throws IOException {
    int port = LoopbackPorts.free();

    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }
}
