package dev.meshfed.translation.translate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which Istio API version a control plane serves, from its version string. */
public final class IstioApi {

  public static final String NETWORKING_GROUP = "networking.istio.io";
  public static final String SECURITY_GROUP = "security.istio.io";
  static final String V1 = NETWORKING_GROUP + "/v1";
  static final String V1BETA1 = NETWORKING_GROUP + "/v1beta1";

  private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+).*");

  private IstioApi() {}

  /**
   * {@code networking.istio.io/v1} from Istio 1.22 on, {@code v1beta1} below. An unknown version
   * gets v1beta1: every Istio release since 1.5 serves it.
   */
  public static String networkingApiVersion(String istioVersion) {
    return atLeast(istioVersion, 22) ? V1 : V1BETA1;
  }

  /** Whether a known Istio version is 1.{@code minor} or later; false for an unknown one. */
  static boolean atLeast(String istioVersion, int minor) {
    if (istioVersion == null) {
      return false;
    }
    Matcher m = MAJOR_MINOR.matcher(istioVersion);
    if (!m.matches()) {
      return false;
    }
    int major = Integer.parseInt(m.group(1));
    return major > 1 || (major == 1 && Integer.parseInt(m.group(2)) >= minor);
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
