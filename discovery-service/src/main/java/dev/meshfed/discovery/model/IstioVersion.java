package dev.meshfed.discovery.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Istio version an image tag names, e.g. docker.io/istio/pilot:1.11.7-solo → 1.11.7. */
public final class IstioVersion {

  private static final Pattern LEADING_VERSION = Pattern.compile("^(\\d+\\.\\d+(\\.\\d+)?)");

  private IstioVersion() {}

  public static Optional<String> fromImage(String image) {
    return tag(image).map(LEADING_VERSION::matcher).filter(Matcher::find).map(m -> m.group(1));
  }

  /** The tag of an image reference; a digest is no tag, and a registry port is not one either. */
  static Optional<String> tag(String image) {
    if (image == null) {
      return Optional.empty();
    }
    int digest = image.indexOf('@');
    String name = digest < 0 ? image : image.substring(0, digest);
    int colon = name.lastIndexOf(':');
    if (colon < 0 || colon < name.lastIndexOf('/')) {
      return Optional.empty();
    }
    return Optional.of(name.substring(colon + 1));
  }
}
