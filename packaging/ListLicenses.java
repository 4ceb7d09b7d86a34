/*
 * Writes src/main/resources/io/signoff/ui/about/third-party-licenses.json: name, version and license of every
 * runtime library Signoff ships (the About dialog lists them). Run through packaging/list-licenses.sh, which
 * first asks Maven for the runtime dependency list:
 *
 *   java packaging/ListLicenses.java <mvn dependency:list output file> <json to write>
 *
 * The license comes from each artifact's pom in the local Maven repository (~/.m2), or from the nearest parent
 * pom that declares one; names are shortened to SPDX identifiers where the pom's wording is a known variant.
 * ThirdPartyLicensesTest fails when a jar in target/lib has no entry, so the file cannot silently go stale.
 */

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

public final class ListLicenses {
    /** "   group:artifact:jar[:classifier]:version:scope -- module x" from mvn dependency:list. */
    static final Pattern DEPENDENCY = Pattern.compile(
            "\\s*([^:\\s]+):([^:\\s]+):jar:(?:([^:\\s]+):)?([^:\\s]+):(compile|runtime)\\b.*");

    record Library(String name, String group, String artifact, String version, String license, String licenseUrl,
                   String url) { }

    record Pom(Element project, Path file) { }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java packaging/ListLicenses.java <dependency-list.txt> <out.json>");
            System.exit(2);
        }
        Path repository = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Map<String, Library> libraries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            Matcher m = DEPENDENCY.matcher(line);
            if (!m.matches()) continue;
            String group = m.group(1);
            String artifact = m.group(2);
            String version = m.group(4);
            // javafx-base with and without a platform classifier are one library: one entry.
            libraries.computeIfAbsent(group + ":" + artifact + ":" + version,
                    key -> describe(repository, group, artifact, version));
        }
        List<Library> sorted = new ArrayList<>(libraries.values());
        sorted.sort(Comparator.comparing((Library l) -> l.name().toLowerCase(Locale.ROOT)).thenComparing(Library::artifact));
        Files.writeString(Path.of(args[1]), toJson(sorted), StandardCharsets.UTF_8);
        System.out.println("Wrote " + sorted.size() + " libraries to " + args[1]);
        for (Library l : sorted) {
            if (l.license().isEmpty()) System.err.println("WARNING: no license found for " + l.group() + ":" + l.artifact());
        }
    }

    static Library describe(Path repository, String group, String artifact, String version) {
        Pom own = load(repository, group, artifact, version);
        String name = text(own.project(), "name").replace("${project.artifactId}", artifact);
        if (name.isBlank() || name.contains("${")) name = artifact;
        String url = text(own.project(), "url");
        if (url.contains("${")) url = "";
        List<String> licenses = new ArrayList<>();
        String licenseUrl = "";
        for (Pom pom = own; pom != null && licenses.isEmpty(); pom = parent(repository, pom)) {
            Element block = child(pom.project(), "licenses");
            if (block == null) continue;
            for (Element license : children(block, "license")) {
                licenses.add(spdx(text(license, "name"), text(license, "url")));
                if (licenseUrl.isEmpty()) licenseUrl = text(license, "url");
            }
        }
        return new Library(name, group, artifact, version, String.join(" OR ", licenses), licenseUrl, url);
    }

    /** Short SPDX ids for the wordings poms use; anything unknown is kept as written. */
    static String spdx(String name, String url) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("gplv2+ce") || (n.contains("gpl") && n.contains("classpath"))) {
            return "GPL-2.0-only WITH Classpath-exception-2.0";
        }
        if (n.contains("apache") && (n.contains("2.0") || url.contains("LICENSE-2.0"))) return "Apache-2.0";
        if (n.equals("mit") || n.startsWith("mit ") || n.equals("the mit license")) return "MIT";
        if (n.contains("bsd") && (n.contains("3") || n.contains("three"))) return "BSD-3-Clause";
        if (n.contains("bsd") && (n.contains("2") || n.contains("two"))) return "BSD-2-Clause";
        if (n.contains("eclipse public license") && n.contains("2.0")) return "EPL-2.0";
        if (n.contains("eclipse public license") && n.contains("1.0")) return "EPL-1.0";
        return name.trim();
    }

    static Pom load(Path repository, String group, String artifact, String version) {
        Path file = repository.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + ".pom");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            Document doc = factory.newDocumentBuilder().parse(file.toFile());
            return new Pom(doc.getDocumentElement(), file);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file + " (run mvn once online to fetch it): " + e, e);
        }
    }

    static Pom parent(Path repository, Pom pom) {
        Element parent = child(pom.project(), "parent");
        if (parent == null) return null;
        return load(repository, text(parent, "groupId"), text(parent, "artifactId"), text(parent, "version"));
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) found.add(e);
        }
        return found;
    }

    static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent().trim().replaceAll("\\s+", " ");
    }

    static String toJson(List<Library> libraries) {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < libraries.size(); i++) {
            Library l = libraries.get(i);
            json.append("  {")
                    .append(field("name", l.name())).append(", ")
                    .append(field("group", l.group())).append(", ")
                    .append(field("artifact", l.artifact())).append(", ")
                    .append(field("version", l.version())).append(",\n   ")
                    .append(field("license", l.license())).append(", ")
                    .append(field("licenseUrl", l.licenseUrl())).append(", ")
                    .append(field("url", l.url()))
                    .append(i + 1 < libraries.size() ? "},\n" : "}\n");
        }
        return json.append("]\n").toString();
    }

    static String field(String key, String value) {
        StringBuilder s = new StringBuilder("\"").append(key).append("\": \"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (c < 0x20) s.append(String.format("\\u%04x", (int) c));
                    else s.append(c);
                }
            }
        }
        return s.append('"').toString();
    }
}
