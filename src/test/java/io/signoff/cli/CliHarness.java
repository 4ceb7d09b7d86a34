package io.signoff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.signoff.CliCommandFactory;
import io.signoff.SignoffCommand;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;

/**
 * Runs the real command line in this JVM (the production factory and composition root, with a terminal the test
 * chooses), in throw-away config and data directories, and reads what it left behind: output, audit rows, JSON.
 */
final class CliHarness {
    final Path config;
    final Path data;

    record Result(int exit, String out, String err) {
        JsonObject json() {
            return JsonParser.parseString(out).getAsJsonObject();
        }

        String all() { return out + err; }

        @Override
        public String toString() { return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err; }
    }

    /** One audit row, the columns the tests look at. */
    record AuditRow(String channel, String operator, String connection, String action, String outcome, String target,
                    String runId, String stepId, String message) { }

    CliHarness(Path dir) {
        this.config = dir.resolve("config");
        this.data = dir.resolve("data");
    }

    /** A script: no terminal, standard input empty. */
    Result demo(String... args) {
        return run(script(""), withDemo(args));
    }

    Result run(Terminal terminal, String... args) {
        CommandLine cl = SignoffCommand.commandLine(new CliCommandFactory(terminal));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    String[] withDemo(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--demo", "--config-dir", config.toString(), "--data-dir", data.toString()));
        return all.toArray(String[]::new);
    }

    String[] withDirs(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--config-dir", config.toString(), "--data-dir", data.toString()));
        return all.toArray(String[]::new);
    }

    /** No terminal (System.console() == null), as under cron or a pipe; {@code stdin} is standard input. */
    static Terminal script(String stdin) {
        return new SystemTerminal(null, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** An operator at a terminal who types {@code lines} in turn. */
    static final class Typist implements Terminal {
        private final Deque<String> lines;
        final List<String> prompts = new ArrayList<>();

        Typist(String... lines) {
            this.lines = new ArrayDeque<>(List.of(lines));
        }

        @Override
        public boolean interactive() { return true; }

        @Override
        public String readLine(String prompt) {
            prompts.add(prompt);
            return lines.poll();
        }

        @Override
        public char[] readSecret(String prompt) {
            prompts.add(prompt);
            String line = lines.poll();
            return line == null ? new char[0] : line.toCharArray();
        }
    }

    /** The audit trail of the demo (data/demo/audit.db) or of real connections (data/audit.db), oldest first. */
    List<AuditRow> audit(boolean demo) throws Exception {
        Path file = (demo ? data.resolve("demo") : data).resolve("audit.db");
        List<AuditRow> rows = new ArrayList<>();
        if (!Files.exists(file)) return rows;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT channel, operator, connection_id, action, outcome, target_email, run_id,"
                     + " step_id, message FROM audit_events ORDER BY sequence")) {
            while (rs.next()) {
                rows.add(new AuditRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        }
        return rows;
    }

    // ---- the JSON contract: the field lists of the README's "Command line for scripts" ----

    /**
     * The documented fields per JSON object path ("lookup", "lookup.people[]", …), read from the README's fenced
     * block that follows the line "JSON fields:" in the section "Command line for scripts".
     */
    static Map<String, Set<String>> documentedFields() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Command line for scripts");
        assertTrue(section >= 0, "README has the section 'Command line for scripts'");
        int start = readme.indexOf("```", readme.indexOf("JSON fields:", section));
        int end = readme.indexOf("```", start + 3);
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        String block = readme.substring(readme.indexOf('\n', start) + 1, end);
        for (String line : block.split("\n")) {
            if (line.isBlank()) continue;
            String[] parts = line.strip().split("\\s+", 2);
            Set<String> names = new LinkedHashSet<>();
            for (String f : parts[1].split("[,\\s]+")) {
                if (!f.isBlank()) names.add(f.replace("[]", ""));
            }
            fields.put(parts[0], names);
        }
        return fields;
    }

    /**
     * Checks every object in {@code json}, recursively, against the documented fields of its path: no field missing,
     * none undocumented. Returns the paths checked, so a test can insist a nested object was actually seen.
     */
    static Set<String> assertDocumented(String root, JsonElement json) throws IOException {
        Map<String, Set<String>> documented = documentedFields();
        Set<String> seen = new TreeSet<>();
        walk(root, json, documented, seen);
        return seen;
    }

    private static void walk(String path, JsonElement e, Map<String, Set<String>> documented, Set<String> seen) {
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(item -> walk(path + "[]", item, documented, seen));
            return;
        }
        if (!e.isJsonObject()) return;
        Set<String> expected = documented.get(path);
        assertTrue(expected != null, "the README documents the fields of " + path);
        assertEquals(new TreeSet<>(expected), new TreeSet<>(e.getAsJsonObject().keySet()), "fields of " + path);
        seen.add(path);
        for (Map.Entry<String, JsonElement> field : e.getAsJsonObject().entrySet()) {
            walk(path + "." + field.getKey(), field.getValue(), documented, seen);
        }
    }
}
