package dev.meshfed.testbed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for listeners that bind some time after the port is chosen: a service
 * process's management interface (bound once it has started, seconds later) and the broker's
 * listeners (bound again on a restart). A port the kernel hands out for {@code bind(0)} lies in the
 * ephemeral range, where every outgoing connection meanwhile also takes its local port: one did,
 * and the service could not bind and exited. So ports come from below that range, where only
 * listeners that chose a port go; each is checked free, and none is handed out twice by this JVM.
 */
public final class LoopbackPorts {

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int LOWEST = 10_000;
  private static final int DEFAULT_EPHEMERAL_LOW = 32_768;
  private static final int ATTEMPTS = 1_000;
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private LoopbackPorts() {}

  /** A port free on 127.0.0.1 now, outside the ephemeral range, not handed out before. */
  public static synchronized int free() {
    int below = ephemeralLow();
    if (below - LOWEST < 1_000) {
      return kernelChosen();
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = random.nextInt(LOWEST, below);
      if (!HANDED_OUT.contains(port) && bindable(port)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
    return kernelChosen();
  }

  /** The first port of the kernel's ephemeral range, from Linux's setting where there is one. */
  static int ephemeralLow() {
    // read line by line: Files.readString read "3" of this procfs file here
    try (BufferedReader reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
      return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return DEFAULT_EPHEMERAL_LOW;
    }
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int kernelChosen() {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        if (HANDED_OUT.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("No free port on the loopback interface", e);
      }
    }
  }
}
