package dev.meshfed.translation.translate;

/** Which Istio API version a control plane serves, from its version string. */
public final class IstioApi {

  public static final String NETWORKING_GROUP = "networking.istio.io";
  public static final String SECURITY_GROUP = "security.istio.io";
  static final String V1 = NETWORKING_GROUP + "/v1";
  static final String V1BETA1 = NETWORKING_GROUP + "/v1beta1";

  private IstioApi() {}

  /**
   * {@code networking.istio.io/v1} from Istio 1.22 on, {@code v1beta1} below. An unknown version
   * gets v1beta1: every Istio release since 1.5 serves it.
   */
  public static String networkingApiVersion(String istioVersion) {
    return atLeast(istioVersion, 22) ? V1 : V1BETA1;
  }

  /**
   * Whether a known Istio version ({@code <major>.<minor>} and anything after) is 1.{@code minor}
   * or later; false for an unknown one. Read by hand: it is asked for every object translated, and
   * a regular expression made it a twentieth of a VirtualDestination's translation.
   */
  static boolean atLeast(String istioVersion, int minor) {
    if (istioVersion == null) {
      return false;
    }
    int dot = digitsEnd(istioVersion, 0);
    if (dot == 0 || dot >= istioVersion.length() || istioVersion.charAt(dot) != '.') {
      return false;
    }
    int minorEnd = digitsEnd(istioVersion, dot + 1);
    if (minorEnd == dot + 1) {
      return false;
    }
    long major = number(istioVersion, 0, dot);
    return major > 1 || (major == 1 && number(istioVersion, dot + 1, minorEnd) >= minor);
  }

  private static int digitsEnd(String text, int from) {
    int end = from;
    while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
      end++;
    }
    return end;
  }

  /** The digits' value, capped far above any release number rather than overflowing. */
  private static long number(String text, int from, int to) {
    long value = 0;
    for (int i = from; i < to; i++) {
      value = Math.min(value * 10 + (text.charAt(i) - '0'), Integer.MAX_VALUE);
    }
    return value;
  }

  /** {@code security.istio.io/v1} from Istio 1.22 on, {@code v1beta1} (served since 1.6) below. */
  public static String securityApiVersion(String istioVersion) {
    return networkingApiVersion(istioVersion).equals(V1)
        ? SECURITY_GROUP + "/v1"
        : SECURITY_GROUP + "/v1beta1";
  }

  public static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
