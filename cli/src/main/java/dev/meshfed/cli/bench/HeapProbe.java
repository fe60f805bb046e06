package dev.meshfed.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of a JVM: jcmd (from this JDK) runs a full GC in it, then reads how much of the
 * heap is used. What remains after a GC is what the service holds, not what it has yet to collect.
 */
final class HeapProbe {

  private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");
  private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

  private HeapProbe() {}

  /** Bytes of heap in use after a GC; empty if jcmd could not tell. */
  static OptionalLong liveHeapBytes(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    return usedKilobytes(jcmd(pid, "GC.heap_info")).stream().map(k -> k * 1024).findFirst();
  }

  /** The heap's used kilobytes, from GC.heap_info's first "total …K, used …K". */
  static OptionalLong usedKilobytes(String heapInfo) {
    Matcher m = USED.matcher(heapInfo);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(List.of(JCMD.toString(), Long.toString(pid), command))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " " + command + " failed: " + output);
    }
    return output;
  }
}
