package dev.meshfed.oracle.mesh;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The minor version of Istio a cluster's control plane runs, from istiod's image tag. */
public record IstioVersion(int major, int minor) implements Comparable<IstioVersion> {

  private static final Pattern TAG = Pattern.compile("(\\d+)\\.(\\d+)");

  /** The version in an image reference such as {@code docker.io/istio/pilot:1.11.7-solo}. */
  public static IstioVersion ofImage(String image) {
    String tag = image.substring(image.lastIndexOf(':') + 1);
    Matcher matcher = TAG.matcher(tag);
    if (!matcher.lookingAt()) {
      throw new IllegalArgumentException("no Istio version in image " + image);
    }
    return new IstioVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  public boolean atLeast(int major, int minor) {
    return compareTo(new IstioVersion(major, minor)) >= 0;
  }

  @Override
  public int compareTo(IstioVersion other) {
    return major != other.major
        ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
