package dev.meshfed.cli.audit;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;

/** A unified diff of two texts (java-diff-utils), as `diff -u` prints it. */
public final class LineDiff {

  private LineDiff() {}

  /**
   * The unified diff of {@code from} and {@code to} with {@code context} lines around each change;
   * no lines when they are equal.
   */
  public static List<String> unified(
      String fromLabel, String toLabel, String from, String to, int context) {
    List<String> a = from.lines().toList();
    List<String> b = to.lines().toList();
    return UnifiedDiffUtils.generateUnifiedDiff(
        fromLabel, toLabel, a, DiffUtils.diff(a, b), context);
  }
}
