package dev.meshfed.distribution.io;

import dev.meshfed.distribution.model.ManifestParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Whose objects of a kind a list and watch ask for, by the managed-by label: meshfed's, or every
 * other's (an object without the label matches {@code !=}, as in Kubernetes).
 */
enum LabelOwner {
  MESHFED("="),
  OTHERS("!=");

  /** The label selector, URL-encoded. */
  final String selector;

  LabelOwner(String operator) {
    this.selector =
        URLEncoder.encode(
            ManifestParser.MANAGED_BY_LABEL + operator + ManifestParser.MANAGED_BY_VALUE,
            StandardCharsets.UTF_8);
  }
}
