package dev.meshfed.cli.audit;

import static dev.meshfed.cli.audit.AuditFixtures.SERVICE;
import static dev.meshfed.cli.audit.AuditFixtures.SETTINGS;
import static dev.meshfed.cli.audit.AuditFixtures.T1;
import static dev.meshfed.cli.audit.AuditFixtures.WORKSPACE;
import static dev.meshfed.cli.audit.AuditFixtures.desired;
import static dev.meshfed.cli.audit.AuditFixtures.serviceEntry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.cli.audit.Consistency.Report;
import dev.meshfed.cli.audit.Consistency.Type;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConsistencyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Ref> SOURCES = List.of(SERVICE, WORKSPACE, SETTINGS);
  private static final GenericKubernetesResource A = serviceEntry("a", 9080);
  private static final GenericKubernetesResource B = serviceEntry("b", 9080);

  @Test
  void theSameObjectsAreConsistent() {
    Report report =
        Consistency.check(
            "cluster2", published(entry(A, 0), entry(B, 1)), implied(entry(A, -1), entry(B, -1)));

    assertThat(report.consistent()).isTrue();
    assertThat(Consistency.lines(report))
        .containsExactly("cluster cluster2: consistent: 2 objects");
  }

  @Test
  void fieldOrderAndSourceOrderDoNotMatter() throws JsonProcessingException {
    DesiredEntry published = entry(A, 0);
    DesiredEntry implied =
        new DesiredEntry(
            published.apiVersion(),
            published.kind(),
            published.namespace(),
            published.name(),
            reversedFields(published.manifest()),
            published.workspace(),
            List.of(SETTINGS, SERVICE, WORKSPACE),
            published.timestamp(),
            DesiredEntry.RECOMPUTED);

    assertThat(implied.manifest()).isNotEqualTo(published.manifest());
    assertThat(Consistency.check("cluster2", published(published), implied(implied)).consistent())
        .isTrue();
  }

  @Test
  void namesExtraMissingAndChangedObjectsWithADiff() {
    GenericKubernetesResource b2 = serviceEntry("b", 9443);
    GenericKubernetesResource c = serviceEntry("c", 9080);

    Report report =
        Consistency.check(
            "cluster2", published(entry(A, 0), entry(B, 1)), implied(entry(b2, -1), entry(c, -1)));

    assertThat(report.differences())
        .extracting(d -> d.type().sign + d.either().name())
        .containsExactly("-a", "~b", "+c");
    List<String> lines = Consistency.lines(report);
    assertThat(lines.get(0))
        .isEqualTo("cluster cluster2: 3 differences: published 2 objects, the inputs imply 2");
    assertThat(lines)
        .contains(
            "- cluster2 ServiceEntry istio-system/a (networking.istio.io/v1, workspace bookinfo):"
                + " published, but the inputs do not imply it (published at "
                + T1
                + ", offset 0)",
            "~ cluster2 ServiceEntry istio-system/b (networking.istio.io/v1, workspace bookinfo):"
                + " published other than the inputs imply (published at "
                + T1
                + ", offset 1)",
            "+ cluster2 ServiceEntry istio-system/c (networking.istio.io/v1, workspace bookinfo):"
                + " the inputs imply it, but it was not published",
            "    --- cluster2/istio-system/ServiceEntry/b.yaml (published)",
            "    +++ cluster2/istio-system/ServiceEntry/b.yaml (implied by the inputs)")
        .anySatisfy(l -> assertThat(l).startsWith("    -").contains("9080"))
        .anySatisfy(l -> assertThat(l).startsWith("    +").contains("9443"));
  }

  @Test
  void otherSourcesOrWorkspaceAreADifferenceEvenWithTheSameManifest() {
    DesiredEntry published = entry(A, 0);
    DesiredEntry implied =
        new DesiredEntry(
            published.apiVersion(),
            published.kind(),
            published.namespace(),
            published.name(),
            published.manifest(),
            "other",
            List.of(SERVICE),
            published.timestamp(),
            DesiredEntry.RECOMPUTED);

    Report report = Consistency.check("cluster2", published(published), implied(implied));

    assertThat(report.differences()).extracting(d -> d.type()).containsExactly(Type.CHANGED);
    assertThat(Consistency.lines(report))
        .contains(
            "    workspace: published bookinfo, implied other",
            "    sources: published " + SOURCES,
            "             implied   " + List.of(SERVICE));
  }

  @Test
  void nothingPublishedAndNothingImpliedIsConsistent() {
    assertThat(Consistency.lines(Consistency.check("mgmt", Map.of(), Map.of())))
        .containsExactly("cluster mgmt: consistent: 0 objects");
  }

  private static DesiredEntry entry(GenericKubernetesResource object, long offset) {
    return desired(object, T1, offset, SOURCES);
  }

  /** The same JSON object with its top-level fields in reverse order. */
  private static String reversedFields(String json) throws JsonProcessingException {
    ObjectNode tree = (ObjectNode) JSON.readTree(json);
    List<String> names = new ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    Collections.reverse(names);
    ObjectNode reversed = JSON.createObjectNode();
    names.forEach(name -> reversed.set(name, tree.get(name)));
    return JSON.writeValueAsString(reversed);
  }

  private static Map<String, DesiredEntry> published(DesiredEntry... entries) {
    return byIdentity(entries);
  }

  private static Map<String, DesiredEntry> implied(DesiredEntry... entries) {
    return byIdentity(entries);
  }

  private static Map<String, DesiredEntry> byIdentity(DesiredEntry... entries) {
    return Stream.of(entries).collect(Collectors.toMap(DesiredEntry::identity, e -> e));
  }
}
