package io.signoff.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table aligned for a terminal: upper-case headers, columns two spaces apart, long cells cut with an ellipsis except
 * in the last column (the detail a person reads to the end).
 */
final class TextTable {
    static final int MAX_CELL = 60;
    private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    TextTable row(Object... cells) {
        if (cells.length != headers.size()) throw new IllegalArgumentException("expected " + headers.size() + " cells");
        List<String> texts = new ArrayList<>(Arrays.stream(cells).map(TextTable::text).toList());
        for (int i = 0; i < texts.size() - 1; i++) texts.set(i, cut(texts.get(i)));
        rows.add(texts);
        return this;
    }

    boolean isEmpty() { return rows.isEmpty(); }

    void print(PrintWriter out, String indent) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> r : rows) widths[i] = Math.max(widths[i], r.get(i).length());
        }
        line(out, indent, headers, widths);
        rows.forEach(r -> line(out, indent, r, widths));
    }

    private static void line(PrintWriter out, String indent, List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder(indent);
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            b.append(c);
            if (i < cells.size() - 1) b.append(" ".repeat(widths[i] - c.length() + 2));
        }
        out.println(b.toString().stripTrailing());
    }

    private static String text(Object value) {
        String text = value == null ? "" : value instanceof Instant i ? time(i) : value.toString();
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String cut(String text) {
        return text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL - 1) + "…";
    }

    /** "2026-11-20 10:01Z"; empty for null. */
    static String time(Instant instant) {
        return instant == null ? "" : UTC_MINUTES.format(instant);
    }
}
