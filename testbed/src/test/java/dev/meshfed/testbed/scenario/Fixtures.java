package dev.meshfed.testbed.scenario;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The fixture scenarios under src/test/resources/scenarios. */
final class Fixtures {

  private Fixtures() {}

  static Path scenario(String name) {
    URL url = Fixtures.class.getResource("/scenarios/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture scenario " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("fixture URL is not a URI: " + url, e);
    }
  }
}
