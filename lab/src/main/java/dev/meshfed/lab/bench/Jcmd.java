package dev.meshfed.lab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** This JDK's jcmd, run against another JVM on this machine. */
final class Jcmd {

  private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

  private Jcmd() {}

  /** Runs one diagnostic command and returns what it printed; fails if jcmd does. */
  static String run(long pid, String command, String... arguments)
      throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of(JCMD.toString(), Long.toString(pid), command));
    line.addAll(List.of(arguments));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " " + command + " failed: " + output);
    }
    return output;
  }
}
