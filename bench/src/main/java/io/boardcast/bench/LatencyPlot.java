package io.boardcast.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** bench/latency.png: p50 and p99 against N, for us and Nchan, one line per run label (JDK). */
final class LatencyPlot {

    private LatencyPlot() {
    }

    public static void main(String[] args) throws IOException {
        draw(Path.of(args.length > 0 ? args[0] : "results"), Path.of(args.length > 1 ? args[1] : "latency.png"));
    }

    static void draw(Path resultsDir, Path png) throws IOException {
        // series name → (N → milliseconds); with repeats, the TSV holds several rows per N: take their median.
        Map<String, TreeMap<Integer, List<Double>>> series = new TreeMap<>();
        try (Stream<Path> files = Files.list(resultsDir)) {
            for (Path tsv : files.filter(f -> f.toString().endsWith("-latency.tsv")).sorted().toList()) {
                for (String line : Files.readAllLines(tsv).subList(1, Files.readAllLines(tsv).size())) {
                    String[] f = line.split("\t");
                    add(series, f[1] + " " + f[0] + " p50", Integer.parseInt(f[2]), f[3]);
                    add(series, f[1] + " " + f[0] + " p99", Integer.parseInt(f[2]), f[5]);
                }
            }
        }
        XYChart chart = new XYChartBuilder().width(900).height(560).title("Edit-to-screen latency vs viewers")
                .xAxisTitle("viewers (N, log)").yAxisTitle("latency ms (log)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        series.forEach((name, points) -> {
            if (points.isEmpty()) {
                return;
            }
            List<Integer> xs = new ArrayList<>(points.keySet());
            List<Double> ys = xs.stream().map(n -> median(points.get(n))).toList();
            chart.addSeries(name, xs, ys).setMarker(SeriesMarkers.CIRCLE);
        });
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void add(Map<String, TreeMap<Integer, List<Double>>> series, String name, int n, String value) {
        if (!"-".equals(value)) {
            series.computeIfAbsent(name, k -> new TreeMap<>()).computeIfAbsent(n, k -> new ArrayList<>())
                    .add(Math.max(0.1, Double.parseDouble(value)));
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
