package dev.meshfed.discovery.model;

import dev.meshfed.schema.discovery.AccessRule;
import dev.meshfed.schema.discovery.ObjectSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AccessPolicy's authorization: {@code authz}, then each entry of {@code authzList}, each one
 * rule admitting requests from any of its allowedClients (each a serviceAccountSelector's name,
 * namespace and cluster; an entry with none, any client), to any of its allowedPaths, with any of
 * its allowedMethods.
 *
 * <p>A rule is read whole: one with a field meshfed cannot read (a client's labels or
 * requestIdentityMatcher, allowedIpBlocks, allowedPorts, match...) is left out, since read without
 * it the rule would admit requests that were not admitted; without the rule, the policy admits
 * fewer, never more.
 */
final class AccessRules {

  static final String AUTHZ = "authz";
  static final String AUTHZ_LIST = "authzList";
  private static final List<String> RULE_FIELDS =
      List.of("allowedClients", "allowedPaths", "allowedMethods");
  private static final List<String> CLIENT_FIELDS = List.of("serviceAccountSelector");

  private AccessRules() {}

  static List<AccessRule> read(LenientReader reader, PolicyConfig config) {
    List<AccessRule> rules = new ArrayList<>();
    reader
        .wholeObject(
            config.get(AUTHZ), config.path(AUTHZ), (rule, path) -> rule(reader, rule, path))
        .ifPresent(rules::add);
    rules.addAll(
        reader.wholeObjects(
            config.get(AUTHZ_LIST),
            config.path(AUTHZ_LIST),
            (rule, path) -> rule(reader, rule, path)));
    return rules;
  }

  private static Optional<AccessRule> rule(LenientReader reader, Map<?, ?> rule, String path) {
    reader.unsupportedFields(rule, path, RULE_FIELDS);
    return Optional.of(
        new AccessRule(
            reader.objects(
                rule.get("allowedClients"),
                path + ".allowedClients",
                (client, clientPath) -> Optional.of(client(reader, client, clientPath))),
            reader.strings(rule.get("allowedPaths"), path + ".allowedPaths"),
            reader.strings(rule.get("allowedMethods"), path + ".allowedMethods")));
  }

  /** Gloo Mesh's IdentitySelector: {@code {}} is any client, as its docs say. */
  private static ObjectSelector client(LenientReader reader, Map<?, ?> client, String path) {
    reader.unsupportedFields(client, path, CLIENT_FIELDS);
    String selectorPath = path + ".serviceAccountSelector";
    return reader
        .map(client.get("serviceAccountSelector"), selectorPath)
        .map(selector -> ObjectSelectors.reference(reader, selector, selectorPath))
        .orElseGet(ObjectSelectors::all);
  }
}
