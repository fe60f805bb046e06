package dev.meshfed.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupedInputsSectionTest {

  @Test
  void aMessageIsPutOnOneLine() {
    assertThat(GroupedInputsSection.truncate(" a\n  b\tc ")).isEqualTo("a b c");
  }

  @Test
  void aMessageUpToTheWidthIsKeptWhole() {
    String exact = "x".repeat(GroupedInputsSection.MESSAGE_WIDTH);

    assertThat(GroupedInputsSection.truncate(exact)).isEqualTo(exact);
  }

  @Test
  void aLongerMessageIsCutToTheWidthWithAnEllipsis() {
    String cut = GroupedInputsSection.truncate("y".repeat(GroupedInputsSection.MESSAGE_WIDTH + 1));

    assertThat(cut).hasSize(GroupedInputsSection.MESSAGE_WIDTH).endsWith("yy...");
  }
}
