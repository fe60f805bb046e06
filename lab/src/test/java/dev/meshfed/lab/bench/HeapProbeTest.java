package dev.meshfed.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapProbeTest {

  @Test
  void readsTheUsedHeapFromGcHeapInfo() {
    String g1 =
        """
        12345:
         garbage-first heap   total 262144K, used 45678K [0x00000000f0000000, 0x0000000100000000)
          region size 1024K, 3 young (3072K), 1 survivors (1024K)
         Metaspace       used 60000K, committed 61000K, reserved 1114112K
        """;

    assertThat(HeapProbe.usedKilobytes(g1)).hasValue(45678);
    assertThat(HeapProbe.usedKilobytes("no heap here")).isEmpty();
  }

  @Test
  void readsTheLiveHeapOfARunningJvm() throws Exception {
    assertThat(HeapProbe.liveHeapBytes(ProcessHandle.current().pid())).isPresent();
  }
}
