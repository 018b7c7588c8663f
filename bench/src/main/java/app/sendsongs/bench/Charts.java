package app.sendsongs.bench;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** Writes the benchmarks' charts as PNG files, drawn without a display; one look for all of them. */
public final class Charts {
    /** The charts' size in pixels, readable embedded in a page. */
    public static final int WIDTH = 900;
    public static final int HEIGHT = 520;
    /** Seed (or the bare route) and ours: the same two colours in every chart. */
    public static final Color BASELINE = new Color(0x9E, 0x9E, 0x9E);
    public static final Color OURS = new Color(0x1F, 0x77, 0xB4);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** The common look: white, a grid, the legend inside the plot. */
    public static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setSeriesColors(new Color[] {BASELINE, OURS});
        styler.setAntiAlias(true);
    }

    /** Writes {@code chart} to {@code dir/name} (a PNG file); returns the file. */
    public static Path write(Chart<?, ?> chart, Path dir, String name) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(file)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + file, e);
        }
    }
}
