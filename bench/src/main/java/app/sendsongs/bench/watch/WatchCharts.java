package app.sendsongs.bench.watch;

import app.sendsongs.bench.Charts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
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
    /** Ours on each listening source, dashed: Spotify's green, Last.fm's red, ListenBrainz's orange. */
    private static final Color[] SOURCE_COLOURS = {new Color(0x1D, 0xB9, 0x54), new Color(0xD5, 0x10, 0x07),
            new Color(0xEB, 0x74, 0x3B)};

    private WatchCharts() {
    }

    /** Writes both charts into {@code dir}; returns their files. */
    public static List<Path> write(WatchReport report, Path dir) {
        return List.of(Charts.write(latency(report), dir, "watch-detection-latency.png"),
                Charts.write(callsPerSong(report), dir, "watch-calls-per-song.png"));
    }

    /**
     * The share of all listens told within x minutes, for each policy, and for ours also by the receiver's listening
     * source (the share of that source's listens): a policy that misses listens levels off below 100%.
     */
    static XYChart latency(WatchReport report) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(String.format("Detection latency: from the listen to the sender's notice (%,d people, %d days, "
                        + "seed %d)", report.people(), report.options().days(), report.options().seed()))
                .xAxisTitle("minutes after the listen").yAxisTitle("share of the listens told").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(axisEnd(report)).setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0%");
        List<WatchReport.Figures> curves = new ArrayList<>(List.of(report.seed(), report.ours()));
        if (report.sources().size() > 1) {
            report.sources().forEach(source -> curves.add(source.ours()));
        }
        for (int c = 0; c < curves.size(); c++) {
            WatchReport.Figures figures = curves.get(c);
            long[] sorted = figures.latenciesMillis();
            if (sorted.length == 0) {
                continue;
            }
            long listens = figures.detected() + figures.missed();
            double[] minutes = new double[CDF_POINTS + 1];
            double[] share = new double[CDF_POINTS + 1];
            for (int i = 0; i <= CDF_POINTS; i++) {
                int rank = (int) Math.min(sorted.length - 1, (long) i * sorted.length / CDF_POINTS);
                minutes[i] = sorted[rank] / 60_000.0;
                share[i] = (rank + 1.0) / listens;
            }
            String name = c < 2 ? figures.name() : "ours, " + report.sources().get(c - 2).source().displayName()
                    + " receivers";
            XYSeries series = chart.addSeries(String.format("%s: p50 %.1f min, p95 %.1f min, %,d detected, "
                            + "%,d missed", name, figures.p50Minutes(), figures.p95Minutes(), figures.detected(),
                    figures.missed()), minutes, share);
            series.setMarker(SeriesMarkers.NONE);
            if (c >= 2) {
                series.setLineColor(SOURCE_COLOURS[(c - 2) % SOURCE_COLOURS.length]);
                series.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {6f, 3f}, 0f));
            }
        }
        return chart;
    }

    /** Calls spent watching, per song sent, by the receiver's listening source and in all, for each policy. */
    static CategoryChart callsPerSong(WatchReport report) {
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(String.format("Watch calls per song sent (%,d songs; ours / seed = %.3f)", report.songs(),
                        report.ours().callsPerSong() / report.seed().callsPerSong()))
                .xAxisTitle("receiver's listening source (the seed reads Spotify for everyone)")
                .yAxisTitle("calls per song sent").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setDecimalPattern("0.00");
        chart.getStyler().setYAxisDecimalPattern("0");
        List<String> categories = new ArrayList<>();
        List<Double> seed = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        for (WatchReport.SourceFigures source : report.sources()) {
            categories.add(source.source().displayName());
            seed.add(source.seedCallsPerSong());
            ours.add(source.oursCallsPerSong());
        }
        categories.add("all");
        seed.add(report.seed().callsPerSong());
        ours.add(report.ours().callsPerSong());
        chart.addSeries(report.seed().name(), categories, seed);
        chart.addSeries(report.ours().name(), categories, ours);
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
