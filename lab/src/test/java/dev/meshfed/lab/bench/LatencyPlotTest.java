package dev.meshfed.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyPlotTest {

  @Test
  void drawsEverySeriesAsAStepLineWithItsSampleCountInTheLegend() {
    Map<String, List<Long>> series = new LinkedHashMap<>();
    series.put("floor", List.of(10_000L, 20_000L));
    series.put("propagation", List.of(100_000L, 150_000L, 400_000L));

    String html = LatencyPlot.html("bench <2x3>", series);

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>bench &lt;2x3&gt;</title>");
    assertThat(html).contains("floor (2)").contains("propagation (3)");
    assertThat(html.split("<polyline", -1)).hasSize(3);
    // one decade per tick from 10 ms to the slowest sample (400 ms)
    assertThat(html).contains(">10 ms<").contains(">100 ms<").doesNotContain(">1000 ms<");
  }

  @Test
  void theSlowestSampleOfASeriesEndsAtTheTopRightOfItsLine() {
    String html = LatencyPlot.html("t", Map.of("only", List.of(1_000L, 100_000L)));

    String points = html.substring(html.indexOf("points=\"") + 8);
    points = points.substring(0, points.indexOf('"'));
    String[] last = points.substring(points.lastIndexOf(' ') + 1).split(",");
    assertThat(Double.parseDouble(last[0])).isEqualTo(730.0); // the right edge: 900 - 170
    assertThat(Double.parseDouble(last[1])).isEqualTo(40.0); // 100 %: the top
  }
}
