package dev.meshfed.lab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The latency distributions of a bench run as one self-contained HTML page: an SVG chart of each
 * series' cumulative distribution (what share of samples took at most x ms), on a log time axis so
 * that the floor and the tail both show. No script and nothing fetched: it opens anywhere.
 */
public final class LatencyPlot {

  private static final int WIDTH = 900;
  private static final int HEIGHT = 480;
  private static final int LEFT = 60;
  private static final int RIGHT = 170;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;
  private static final List<String> COLOURS =
      List.of("#777777", "#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd");

  private LatencyPlot() {}

  /** A page titled {@code title} with one line per series (samples in microseconds). */
  public static String html(String title, Map<String, List<Long>> seriesMicros) {
    double maxMs = Math.max(1, maxMillis(seriesMicros));
    Axis axis = new Axis(Math.pow(10, Math.floor(Math.log10(minMillis(seriesMicros)))), maxMs);
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n",
            WIDTH, HEIGHT));
    svg.append(text(WIDTH / 2, 20, "middle", escape(title)));
    grid(svg, axis);
    int index = 0;
    for (Map.Entry<String, List<Long>> series : seriesMicros.entrySet()) {
      String colour = COLOURS.get(index % COLOURS.size());
      line(svg, axis, series.getValue(), colour);
      int y = TOP + 20 + 18 * index;
      svg.append(
          String.format(
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>%n",
              WIDTH - RIGHT + 15, y - 4, WIDTH - RIGHT + 35, y - 4, colour));
      svg.append(
          text(
              WIDTH - RIGHT + 40,
              y,
              "start",
              escape(series.getKey()) + " (" + series.getValue().size() + ")"));
      index++;
    }
    svg.append("</svg>\n");
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title></head>\n<body>\n"
        + svg
        + "</body></html>\n";
  }

  /** Maps milliseconds (log scale) and cumulative shares to the plot area. */
  private record Axis(double minMs, double maxMs) {
    double x(double ms) {
      double span = Math.log10(maxMs) - Math.log10(minMs);
      double at = (Math.log10(Math.max(ms, minMs)) - Math.log10(minMs)) / Math.max(span, 1e-9);
      return LEFT + at * (WIDTH - LEFT - RIGHT);
    }

    double y(double share) {
      return TOP + (1 - share) * (HEIGHT - TOP - BOTTOM);
    }

    List<Double> decades() {
      List<Double> ticks = new ArrayList<>();
      for (double ms = minMs; ms <= maxMs * 1.0001; ms *= 10) {
        ticks.add(ms);
      }
      return ticks;
    }
  }

  private static void grid(StringBuilder svg, Axis axis) {
    for (double ms : axis.decades()) {
      double x = axis.x(ms);
      svg.append(gridLine(x, axis.y(0), x, axis.y(1)));
      svg.append(text((int) x, HEIGHT - BOTTOM + 18, "middle", trim(ms) + " ms"));
    }
    for (int percent = 0; percent <= 100; percent += 25) {
      double y = axis.y(percent / 100.0);
      svg.append(gridLine(LEFT, y, WIDTH - RIGHT, y));
      svg.append(text(LEFT - 8, (int) y + 4, "end", percent + "%"));
    }
    svg.append(
        text(
            (LEFT + WIDTH - RIGHT) / 2,
            HEIGHT - 10,
            "middle",
            "latency (log scale); y: share of samples at most that long"));
  }

  private static void line(StringBuilder svg, Axis axis, List<Long> micros, String colour) {
    if (micros.isEmpty()) {
      return;
    }
    StringBuilder points = new StringBuilder();
    double previousShare = 0;
    for (int i = 0; i < micros.size(); i++) {
      double x = axis.x(micros.get(i) / 1000.0);
      double share = (i + 1.0) / micros.size();
      points.append(
          String.format("%.1f,%.1f %.1f,%.1f ", x, axis.y(previousShare), x, axis.y(share)));
      previousShare = share;
    }
    svg.append(
        String.format(
            "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
            colour, points.toString().trim()));
  }

  private static String gridLine(double x1, double y1, double x2, double y2) {
    return String.format(
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#dddddd\"/>%n",
        x1, y1, x2, y2);
  }

  private static String text(int x, int y, String anchor, String content) {
    return String.format(
        "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>%n", x, y, anchor, content);
  }

  private static double maxMillis(Map<String, List<Long>> series) {
    return series.values().stream()
            .flatMap(List::stream)
            .mapToLong(Long::longValue)
            .max()
            .orElse(1000)
        / 1000.0;
  }

  private static double minMillis(Map<String, List<Long>> series) {
    double min =
        series.values().stream().flatMap(List::stream).mapToLong(Long::longValue).min().orElse(1000)
            / 1000.0;
    return Math.max(min, 0.1);
  }

  private static String trim(double ms) {
    return ms >= 1 ? String.valueOf(Math.round(ms)) : String.valueOf(ms);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
