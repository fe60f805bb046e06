package dev.meshfed.lab.bench;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of a JVM: jcmd (from this JDK) runs a full GC in it, then reads how much of the
 * heap is used. What remains after a GC is what the service holds, not what it has yet to collect.
 */
final class HeapProbe {

  private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

  private HeapProbe() {}

  /** Bytes of heap in use after a GC; empty if jcmd could not tell. */
  static OptionalLong liveHeapBytes(long pid) throws IOException, InterruptedException {
    Jcmd.run(pid, "GC.run");
    return usedKilobytes(Jcmd.run(pid, "GC.heap_info")).stream().map(k -> k * 1024).findFirst();
  }

  /** The heap's used kilobytes, from GC.heap_info's first "total …K, used …K". */
  static OptionalLong usedKilobytes(String heapInfo) {
    Matcher m = USED.matcher(heapInfo);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }
}
