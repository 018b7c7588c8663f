package app.sendsongs.bench.load;

import app.sendsongs.bench.Charts;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/** The load test's acknowledgement latency as a chart: its percentiles for the bare route and the webhook. */
final class LoadCharts {
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 100};

    private LoadCharts() {
    }

    /** Writes the chart into {@code dir}; returns its file. */
    static Path write(LoadReport report, Path dir) {
        return Charts.write(ackLatency(report), dir, "load-ack-latency.png");
    }

    static CategoryChart ackLatency(LoadReport report) {
        LoadOptions options = report.options();
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(String.format(Locale.ROOT, "Acknowledgement latency (%,d messages over %d connections, "
                        + "%,.0f acknowledged per second)", options.events(), options.connections(),
                        report.ingestPerSecond()))
                .xAxisTitle("percentile").yAxisTitle("milliseconds (log scale)").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setDecimalPattern("0.00");
        List<String> labels = List.of("p50", "p90", "p99", "p99.9", "max");
        List<Double> ceiling = percentiles(report.ceiling().latencies());
        List<Double> webhook = percentiles(report.webhook().latencies());
        // a log axis starts at the power of ten below the fastest answer (bars and axes would start at 0)
        double fastest = Math.min(ceiling.getFirst(), webhook.getFirst());
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(fastest))));
        chart.addSeries("bare POST /bench/ok (ceiling)", labels, ceiling);
        chart.addSeries("POST " + report.options().platform().webhookPath() + " (checked, queued)", labels, webhook);
        return chart;
    }

    private static List<Double> percentiles(Latencies latencies) {
        return java.util.Arrays.stream(PERCENTILES).map(latencies::percentileMillis).boxed().toList();
    }
}
