package dev.meshfed.cli.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.cli.replay.ReplayedObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One cluster's published desired config held against what its inputs imply. Two records of a key
 * agree when their manifests are the same JSON (whatever the field order), their workspaces are the
 * same and they name the same sources (in any order). No I/O.
 */
public final class Consistency {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Consistency() {}

  /** How a published object differs from what the inputs imply. */
  public enum Type {
    /** Published, but the inputs imply no such object. */
    EXTRA('-'),
    /** The inputs imply it, but it was not published. */
    MISSING('+'),
    /** Both, with other content. */
    CHANGED('~');

    public final char sign;

    Type(char sign) {
      this.sign = sign;
    }
  }

  /**
   * @param published null when missing
   * @param implied null when extra
   */
  public record Difference(Type type, DesiredEntry published, DesiredEntry implied) {

    public DesiredEntry either() {
      return published != null ? published : implied;
    }
  }

  /**
   * @param published how many objects were published
   * @param implied how many the inputs imply
   * @param differences by key identity
   */
  public record Report(String cluster, int published, int implied, List<Difference> differences) {

    public boolean consistent() {
      return differences.isEmpty();
    }
  }

  /**
   * @param published the published objects by key identity ({@link DesiredEntry#identity()})
   * @param implied the recomputed objects by key identity
   */
  public static Report check(
      String cluster, Map<String, DesiredEntry> published, Map<String, DesiredEntry> implied) {
    TreeSet<String> keys = new TreeSet<>(published.keySet());
    keys.addAll(implied.keySet());
    List<Difference> differences = new ArrayList<>();
    for (String key : keys) {
      DesiredEntry p = published.get(key);
      DesiredEntry i = implied.get(key);
      if (i == null) {
        differences.add(new Difference(Type.EXTRA, p, null));
      } else if (p == null) {
        differences.add(new Difference(Type.MISSING, null, i));
      } else if (!sameContent(p, i)) {
        differences.add(new Difference(Type.CHANGED, p, i));
      }
    }
    return new Report(cluster, published.size(), implied.size(), List.copyOf(differences));
  }

  /** The report as text: one line when consistent, else a line per difference and its details. */
  public static List<String> lines(Report report) {
    List<String> lines = new ArrayList<>();
    String cluster = report.cluster();
    if (report.consistent()) {
      lines.add("cluster " + cluster + ": consistent: " + objects(report.published()));
      return lines;
    }
    int n = report.differences().size();
    lines.add(
        "cluster "
            + cluster
            + ": "
            + n
            + (n == 1 ? " difference" : " differences")
            + ": published "
            + objects(report.published())
            + ", the inputs imply "
            + report.implied());
    for (Difference d : report.differences()) {
      lines.add(headline(cluster, d));
      if (d.type() == Type.CHANGED) {
        details(cluster, d).forEach(line -> lines.add("    " + line));
      }
    }
    return lines;
  }

  private static String headline(String cluster, Difference d) {
    DesiredEntry e = d.either();
    String what =
        switch (d.type()) {
          case EXTRA -> "published, but the inputs do not imply it";
          case MISSING -> "the inputs imply it, but it was not published";
          case CHANGED -> "published other than the inputs imply";
        };
    String published =
        d.published() == null ? "" : " (" + Consistency.published(d.published()) + ")";
    return d.type().sign
        + " "
        + cluster
        + " "
        + e.kind()
        + " "
        + (e.namespace().isEmpty() ? "" : e.namespace() + "/")
        + e.name()
        + " ("
        + e.apiVersion()
        + ", workspace "
        + Optional.ofNullable(e.workspace()).orElse("-")
        + "): "
        + what
        + published;
  }

  private static String published(DesiredEntry e) {
    return "published at " + e.time() + ", offset " + e.offset();
  }

  private static List<String> details(String cluster, Difference d) {
    List<String> lines = new ArrayList<>();
    ReplayedObject published = ReplayedObject.of(cluster, d.published().toRecord());
    ReplayedObject implied = ReplayedObject.of(cluster, d.implied().toRecord());
    String path = cluster + "/" + published.pathInCluster();
    List<String> diff =
        LineDiff.unified(
            path + " (published)",
            path + " (implied by the inputs)",
            published.yaml(),
            implied.yaml(),
            3);
    lines.addAll(diff);
    if (diff.isEmpty() && !sameManifest(d.published().manifest(), d.implied().manifest())) {
      lines.add("manifest: differs only in status or server-set metadata, which dumps leave out");
    }
    if (!Objects.equals(d.published().workspace(), d.implied().workspace())) {
      lines.add(
          "workspace: published "
              + d.published().workspace()
              + ", implied "
              + d.implied().workspace());
    }
    if (!sameSources(d.published(), d.implied())) {
      lines.add("sources: published " + d.published().sources());
      lines.add("         implied   " + d.implied().sources());
    }
    return lines;
  }

  private static boolean sameContent(DesiredEntry a, DesiredEntry b) {
    return sameManifest(a.manifest(), b.manifest())
        && Objects.equals(a.workspace(), b.workspace())
        && sameSources(a, b);
  }

  private static boolean sameSources(DesiredEntry a, DesiredEntry b) {
    return new HashSet<>(a.sources()).equals(new HashSet<>(b.sources()));
  }

  private static boolean sameManifest(String a, String b) {
    try {
      JsonNode x = JSON.readTree(a);
      JsonNode y = JSON.readTree(b);
      return x.equals(y);
    } catch (JsonProcessingException e) {
      return a.equals(b);
    }
  }

  private static String objects(int n) {
    return n + (n == 1 ? " object" : " objects");
  }
}
