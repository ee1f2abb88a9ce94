package io.carrierhub;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of /actuator/prometheus, read as Prometheus reads it: name, labels, value. */
record PrometheusScrape(String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The value of the sample with this name whose labels include these; 0 when there is none. */
    double value(String name, Map<String, String> labels) {
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            if (sample.group(1).equals(name) && labels(sample.group(2)).entrySet().containsAll(labels.entrySet())) {
                return Double.parseDouble(sample.group(3));
            }
        }
        return 0;
    }

    boolean has(String name, Map<String, String> labels) {
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            if (sample.group(1).equals(name) && labels(sample.group(2)).entrySet().containsAll(labels.entrySet())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new TreeMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }
}
