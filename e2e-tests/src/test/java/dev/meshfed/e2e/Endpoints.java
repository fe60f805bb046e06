package dev.meshfed.e2e;

import dev.meshfed.lab.demo.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A service process's management endpoints: health and metrics. */
final class Endpoints {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Endpoints() {}

  /** The body of a GET, which must answer 200. */
  static String get(ServiceProcess process, String path) throws IOException, InterruptedException {
    URI uri = process.managementUri().resolve(path);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          process.name()
              + " answered "
              + response.statusCode()
              + " to "
              + uri
              + ": "
              + response.body());
    }
    return response.body();
  }

  /**
   * The value of the one sample of {@code name} in a Prometheus text exposition whose labels
   * mention {@code labelText}.
   */
  static double metric(String exposition, String name, String labelText) {
    List<String> samples =
        exposition
            .lines()
            .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
            .filter(line -> line.substring(name.length()).split(" ")[0].contains(labelText))
            .toList();
    if (samples.size() != 1) {
      throw new AssertionError(
          "Expected one sample of " + name + " with " + labelText + ", found " + samples);
    }
    String line = samples.get(0);
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }
}
