package io.signoff.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Looks for secret values in files and texts: as written (UTF-8), URL-encoded, and in UTF-16 (SQLite's UTF-16 text,
 * Java's serialised strings): any of them found is a leak.
 */
final class SecretScan {
    /** Where one secret was found. */
    record Finding(String where, String secretHint) { }

    private final List<String> secrets;
    private final List<Finding> findings = new ArrayList<>();
    private int filesRead;
    private int textsRead;

    SecretScan(Collection<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /** Every regular file under {@code root} (only those changed since {@code since}, when given). */
    SecretScan files(Path root, Instant since) throws IOException {
        if (!Files.exists(root)) return this;
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, Set.of(), since == null ? Integer.MAX_VALUE : 6, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                boolean fresh = since == null || attrs.lastModifiedTime().compareTo(FileTime.from(since)) >= 0;
                if (attrs.isRegularFile() && fresh && attrs.size() <= 64L * 1024 * 1024) files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // other users' temp entries, or gone meanwhile
            }
        });
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException unreadableOrGone) {
                continue;
            }
            filesRead++;
            check(file.toString(), new String(bytes, StandardCharsets.ISO_8859_1));
        }
        return this;
    }

    SecretScan text(String where, String text) {
        if (text != null) {
            textsRead++;
            check(where, new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
        return this;
    }

    SecretScan texts(String where, Collection<String> texts) {
        texts.forEach(t -> text(where, t));
        return this;
    }

    private void check(String where, String latin1) {
        for (String secret : secrets) {
            for (String form : forms(secret)) {
                if (latin1.contains(form)) findings.add(new Finding(where, secret.substring(0, Math.min(6, secret.length())) + "…"));
            }
        }
    }

    private static List<String> forms(String secret) {
        List<String> out = new ArrayList<>();
        out.add(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        out.add(new String(secret.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1));
        out.add(new String(secret.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1));
        String encoded = java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8);
        if (!encoded.equals(secret)) out.add(encoded);
        return out;
    }

    List<Finding> findings() { return List.copyOf(findings); }

    int filesRead() { return filesRead; }

    int textsRead() { return textsRead; }
}
