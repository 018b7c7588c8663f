package app.sendsongs.bench.watch;

import app.sendsongs.bench.Charts;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The watch simulator's figures as charts: detection latency (a CDF) and watch calls per song, seed against ours. */
public final class WatchCharts {
    /** Points drawn per CDF line: enough for a smooth curve, few enough for a small file. */
    private static final int CDF_POINTS = 400;

    private WatchCharts() {
    }

    /** Writes both charts into {@code dir}; returns their files. */
    public static List<Path> write(WatchReport report, Path dir) {
        return List.of(Charts.write(latency(report), dir, "watch-detection-latency.png"),
                Charts.write(callsPerSong(report), dir, "watch-calls-per-song.png"));
    }

    /**
     * The share of all listens told within x minutes, for each policy: a policy that misses listens levels off
     * below 100%.
     */
    static XYChart latency(WatchReport report) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(String.format("Detection latency: from the listen to the sender's notice (%,d people, %d days, "
                        + "seed %d)", report.people(), report.options().days(), report.options().seed()))
                .xAxisTitle("minutes after the listen").yAxisTitle(String.format("share of the %,d listens told",
                        report.listens())).build();
        Charts.style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(axisEnd(report)).setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0%");
        for (WatchReport.Figures figures : List.of(report.seed(), report.ours())) {
            long[] sorted = figures.latenciesMillis();
            if (sorted.length == 0) {
                continue;
            }
            double[] minutes = new double[CDF_POINTS + 1];
            double[] share = new double[CDF_POINTS + 1];
            for (int i = 0; i <= CDF_POINTS; i++) {
                int rank = (int) Math.min(sorted.length - 1, (long) i * sorted.length / CDF_POINTS);
                minutes[i] = sorted[rank] / 60_000.0;
                share[i] = (rank + 1.0) / report.listens();
            }
            chart.addSeries(String.format("%s: p50 %.1f min, p95 %.1f min, %,d detected, %,d missed", figures.name(),
                    figures.p50Minutes(), figures.p95Minutes(), figures.detected(), figures.missed()), minutes, share)
                    .setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** Spotify calls spent watching, per song sent, by kind of call, for each policy. */
    static CategoryChart callsPerSong(WatchReport report) {
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(String.format("Spotify watch calls per song sent (%,d songs; ours / seed = %.3f)", report.songs(),
                        report.ours().callsPerSong() / report.seed().callsPerSong()))
                .xAxisTitle("Spotify call").yAxisTitle("calls per song sent").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setDecimalPattern("0.00");
        chart.getStyler().setYAxisDecimalPattern("0");
        List<String> kinds = List.of("token refresh", "recently-played", "all watch calls");
        for (WatchReport.Figures figures : List.of(report.seed(), report.ours())) {
            double songs = figures.songs();
            chart.addSeries(figures.name(), kinds, List.of(figures.refreshes() / songs, figures.recentlyPlayed() / songs,
                    figures.callsPerSong()));
        }
        return chart;
    }

    /** Minutes covering 99% of both policies' detections, rounded up to ten. */
    private static double axisEnd(WatchReport report) {
        double end = 10;
        for (WatchReport.Figures figures : List.of(report.seed(), report.ours())) {
            long[] sorted = figures.latenciesMillis();
            if (sorted.length > 0) {
                end = Math.max(end, sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length))] / 60_000.0);
            }
        }
        return Math.ceil(end / 10) * 10;
    }
}
