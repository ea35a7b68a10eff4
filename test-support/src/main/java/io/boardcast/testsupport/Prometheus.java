package io.boardcast.testsupport;

import java.util.Map;
import java.util.TreeMap;

/** Just enough of the Prometheus text format to read gauges and a histogram's buckets. */
public final class Prometheus {

    private Prometheus() {
    }

    /** Sum of every sample of {@code metric} whose labels contain {@code labelFragment} ("" for all). */
    public static double sum(String text, String metric, String labelFragment) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                String labels = line.contains("{") ? line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1) : "";
                if (labels.contains(labelFragment)) {
                    total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return total;
    }

    /** Cumulative bucket counts by upper bound (seconds), from {@code <metric>_bucket{le="..."}} lines. */
    public static TreeMap<Double, Double> buckets(String text, String metric) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(metric + "_bucket{")) {
                int le = line.indexOf("le=\"") + 4;
                String bound = line.substring(le, line.indexOf('"', le));
                double upper = "+Inf".equals(bound) ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
                buckets.merge(upper, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
            }
        }
        return buckets;
    }

    /** Per-bucket difference of two cumulative snapshots: what was recorded in between. */
    public static TreeMap<Double, Double> minus(TreeMap<Double, Double> after, TreeMap<Double, Double> before) {
        TreeMap<Double, Double> diff = new TreeMap<>();
        after.forEach((le, count) -> diff.put(le, count - before.getOrDefault(le, 0.0)));
        return diff;
    }

    /** The upper bound of the bucket holding quantile {@code q}, in milliseconds (a histogram can say no more). */
    public static double quantileMillis(Map<Double, Double> cumulative, double q) {
        double total = cumulative.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= q * total) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
