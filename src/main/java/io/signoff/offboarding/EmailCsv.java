package io.signoff.offboarding;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads people for a bulk run from a CSV file: one email address per row, an optional "email" header. Every row that is
 * not used comes back with its reason; nothing is dropped silently.
 */
public final class EmailCsv {
    /** The most rows read; a bigger file is refused rather than half read. */
    public static final int MAX_ROWS = 10_000;
    private static final Set<String> HEADERS = Set.of("email", "e-mail", "mail", "email address", "e-mail address",
            "address", "upn", "userprincipalname");
    /**
     * Deliberately plain: one local part, one domain with a dot, no spaces, brackets, double quotes or separators. An
     * apostrophe is allowed in the local part: o'brien@contoso.com is a real address (never in the domain).
     */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>()\\[\\]\"]+@[^@\\s,;<>()\\[\\]\"']+\\.[^@\\s,;<>()\\[\\]\"'.]+");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).setTrim(true).get();

    public EmailImport read(Reader reader) throws IOException {
        List<RejectedRow> rejected = new ArrayList<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        boolean header = false;
        int blank = 0;
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber();
                if (line > MAX_ROWS) {
                    throw new IOException("The file has more than " + MAX_ROWS + " rows: split it into smaller files");
                }
                List<String> cells = new ArrayList<>();
                for (String value : record) {
                    String cell = value.replace("\uFEFF", "").strip();
                    if (!cell.isEmpty()) cells.add(cell);
                }
                String text = String.join(",", record.toList());
                if (cells.isEmpty()) {
                    blank++;
                } else if (line == 1 && cells.size() == 1 && HEADERS.contains(cells.get(0).toLowerCase(Locale.ROOT))) {
                    header = true;
                } else if (cells.size() > 1) {
                    rejected.add(new RejectedRow(line, text, "more than one value in the row: put one email address per row"));
                } else {
                    String address = cells.get(0).toLowerCase(Locale.ROOT);
                    if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
                        rejected.add(new RejectedRow(line, text, "not an email address"));
                    } else if (firstLine.containsKey(address)) {
                        rejected.add(new RejectedRow(line, text, "duplicate of line " + firstLine.get(address)));
                    } else {
                        firstLine.put(address, line);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            // Commons CSV reports a broken quote this way; the message names the line.
            throw new IOException("The file is not valid CSV: " + e.getCause().getMessage(), e);
        }
        return new EmailImport(List.copyOf(firstLine.keySet()), rejected, header, blank);
    }

    public EmailImport read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }
}
