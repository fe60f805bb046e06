package dev.meshfed.cli.status;

import java.util.ArrayList;
import java.util.List;

/** Columns as wide as their widest cell, three spaces apart, as kubectl prints them. */
final class Table {

  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    rows.add(List.of(header));
  }

  Table row(String... cells) {
    if (cells.length != rows.get(0).size()) {
      throw new IllegalArgumentException("a row needs one cell per column");
    }
    rows.add(List.of(cells));
    return this;
  }

  /** The header and every row, each line ending with a newline. */
  String render() {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length() + 3));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
