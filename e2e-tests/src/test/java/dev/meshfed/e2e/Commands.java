package dev.meshfed.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** External commands a test runs (kubectl, the install scripts, docker compose, shellcheck). */
final class Commands {

  /** -1: the command is not installed; -2: it timed out. */
  record Run(int exitCode, String output) {}

  private Commands() {}

  /** Runs the command with these environment variables added; its output, stderr included. */
  static Run run(List<String> command, Map<String, String> env) throws InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process;
    String output;
    try {
      process = builder.start();
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException notInstalled) {
      return new Run(-1, notInstalled.getMessage());
    }
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Run(-2, output + "\n(timed out)");
    }
    return new Run(process.exitValue(), output);
  }
}
