package dev.meshfed.distribution.model;

/** Desired records as translation-service writes them. */
public final class TestManifests {

  public static final String V1 = "networking.istio.io/v1";
  public static final String V1BETA1 = "networking.istio.io/v1beta1";

  private TestManifests() {}

  public static ObjectKey serviceEntryKey(String apiVersion, String name) {
    return new ObjectKey(apiVersion, "ServiceEntry", "apps", name);
  }

  public static String serviceEntryJson(String apiVersion, String name, String host) {
    return """
        {"apiVersion":"%s","kind":"ServiceEntry",
         "metadata":{"name":"%s","namespace":"apps",
                     "labels":{"app.kubernetes.io/managed-by":"meshfed"}},
         "spec":{"hosts":["%s"],"resolution":"DNS"}}"""
        .formatted(apiVersion, name, host);
  }

  public static DesiredRecord serviceEntry(String apiVersion, String name, String host) {
    return new DesiredRecord(
        serviceEntryKey(apiVersion, name), serviceEntryJson(apiVersion, name, host), "test");
  }

  public static DesiredRecord tombstone(String apiVersion, String name) {
    return DesiredRecord.tombstone(serviceEntryKey(apiVersion, name), "test");
  }
}
