package dev.meshfed.distribution.model;

/** Desired records as translation-service writes them. */
public final class TestManifests {

  /** Where a test record claims to come from; a fake topic may stamp positions of its own. */
  public static final RecordPosition TEST_POSITION = new RecordPosition("test", 0, 0);

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
        serviceEntryKey(apiVersion, name), serviceEntryJson(apiVersion, name, host), TEST_POSITION);
  }

  /** A position on a topic called "t", which log messages show as {@code t-0@<offset>}. */
  public static RecordPosition at(long offset) {
    return new RecordPosition("t", 0, offset);
  }

  public static DesiredRecord tombstone(String apiVersion, String name) {
    return DesiredRecord.tombstone(serviceEntryKey(apiVersion, name), TEST_POSITION);
  }
}
