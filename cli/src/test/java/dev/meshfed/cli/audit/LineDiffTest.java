package dev.meshfed.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineDiffTest {

  @Test
  void equalTextsHaveNoDiff() {
    assertThat(LineDiff.unified("a", "b", "x\ny\n", "x\ny\n", 3)).isEmpty();
  }

  @Test
  void aChangedLineIsARemovalThenAnAdditionWithContext() {
    String from = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    String to = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

    assertThat(LineDiff.unified("a", "b", from, to, 3))
        .containsExactly(
            "--- a", "+++ b", "@@ -2,7 +2,7 @@", " 2", " 3", " 4", "-5", "+five", " 6", " 7", " 8");
  }

  @Test
  void distantChangesMakeTwoHunks() {
    String from = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
    String to = "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n";

    assertThat(LineDiff.unified("x", "y", from, to, 1))
        .containsExactly(
            "--- x", "+++ y", "@@ -1,2 +1,2 @@", "-a", "+A", " b", "@@ -10,1 +10,2 @@", " j", "+k");
  }

  @Test
  void fromEmpty() {
    assertThat(LineDiff.unified("x", "y", "", "a\n", 3))
        .containsExactly("--- x", "+++ y", "@@ -1,0 +1,1 @@", "+a");
  }
}
