package dev.meshfed.oracle.istio;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.ServiceEntry;
import io.fabric8.istio.api.networking.v1.Sidecar;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.WorkloadEntry;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CustomResourceDefinitions an Istio installation stores for the kinds meshfed reads or writes,
 * with the API versions that Istio version serves. Schemas come from fabric8's istio-model through
 * fabric8's CRD generator (see {@link IstioSchemas}); every version shares one schema, as Istio's
 * own CRDs do.
 */
public final class IstioCrds {

  public static final String NETWORKING = "networking.istio.io";
  public static final String SECURITY = "security.istio.io";

  /** The first Istio minor version whose CRDs serve v1 (networking and security). */
  private static final int FIRST_WITH_V1 = 22;

  private static final int OLDEST_SUPPORTED = 11;
  private static final Pattern VERSION = Pattern.compile("v?1\\.(\\d+)(\\.\\d+)?(-.*)?");

  private static final List<Class<? extends HasMetadata>> KINDS =
      List.of(
          ServiceEntry.class,
          WorkloadEntry.class,
          Gateway.class,
          VirtualService.class,
          DestinationRule.class,
          Sidecar.class,
          AuthorizationPolicy.class,
          PeerAuthentication.class);

  private record ServedVersion(String name, boolean storage) {}

  private IstioCrds() {}

  /**
   * The CRDs of Istio {@code istioVersion} ({@code 1.MINOR} or {@code 1.MINOR.PATCH}, 1.11 or
   * later): 1.11 to 1.21 serve networking v1alpha3 (stored) and v1beta1, security v1beta1; 1.22 and
   * later serve networking v1, v1beta1 (stored) and v1alpha3, security v1 and v1beta1 (stored).
   */
  public static List<CustomResourceDefinition> forVersion(String istioVersion) {
    int minor = minorVersion(istioVersion);
    return KINDS.stream().map(kind -> crd(kind, minor)).toList();
  }

  private static CustomResourceDefinition crd(Class<? extends HasMetadata> kind, int minor) {
    ObjectNode crd = IstioSchemas.crd(kind);
    ObjectNode spec = (ObjectNode) crd.get("spec");
    ObjectNode generatedVersion = (ObjectNode) spec.path("versions").get(0);
    ArrayNode versions = spec.putArray("versions");
    for (ServedVersion served : servedVersions(spec.path("group").asText(), minor)) {
      ObjectNode version = generatedVersion.deepCopy();
      version.put("name", served.name()).put("served", true).put("storage", served.storage());
      versions.add(version);
    }
    crd.with("metadata").with("labels").put("app", "istio-pilot");
    return Serialization.unmarshal(crd.toString(), CustomResourceDefinition.class);
  }

  private static List<ServedVersion> servedVersions(String group, int minor) {
    boolean networking = group.equals(NETWORKING);
    if (minor < FIRST_WITH_V1) {
      return networking
          ? List.of(new ServedVersion("v1alpha3", true), new ServedVersion("v1beta1", false))
          : List.of(new ServedVersion("v1beta1", true));
    }
    return networking
        ? List.of(
            new ServedVersion("v1", false),
            new ServedVersion("v1alpha3", false),
            new ServedVersion("v1beta1", true))
        : List.of(new ServedVersion("v1", false), new ServedVersion("v1beta1", true));
  }

  static int minorVersion(String istioVersion) {
    Matcher matcher = VERSION.matcher(istioVersion == null ? "" : istioVersion.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not an Istio version 1.x[.y]: " + istioVersion);
    }
    int minor = Integer.parseInt(matcher.group(1));
    if (minor < OLDEST_SUPPORTED) {
      throw new IllegalArgumentException(
          "Istio " + istioVersion + " is older than the oldest supported, 1." + OLDEST_SUPPORTED);
    }
    return minor;
  }
}
