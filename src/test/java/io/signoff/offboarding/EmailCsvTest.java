package io.signoff.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailCsvTest {
    private final EmailCsv csv = new EmailCsv();

    @Test
    void everyRowIsUsedOrReportedWithItsReason() throws IOException {
        String text = String.join("\n",
                "Email",
                "jane.doe@contoso.com",
                "  Omar.Haddad@Contoso.com  ",
                "",
                "not-an-address",
                "priya@contoso.com,Priya Raman",
                "JANE.DOE@contoso.com",
                "\"=HYPERLINK(\"\"http://x\"\")\"",
                "lukas.becker@contoso.com,",
                "ana souza@fabrikam.com",
                "chen@northwind");
        EmailImport result = csv.read(new StringReader(text));

        assertTrue(result.headerRow());
        assertEquals(1, result.blankRows());
        assertEquals(List.of("jane.doe@contoso.com", "omar.haddad@contoso.com", "lukas.becker@contoso.com"), result.emails());
        assertEquals(List.of(5L, 6L, 7L, 8L, 10L, 11L), result.rejected().stream().map(RejectedRow::line).toList());
        assertEquals("not an email address", result.rejected().get(0).reason());
        assertTrue(result.rejected().get(1).reason().startsWith("more than one value"));
        assertEquals("duplicate of line 2", result.rejected().get(2).reason());
        assertEquals("JANE.DOE@contoso.com", result.rejected().get(2).text());
        assertEquals("not an email address", result.rejected().get(3).reason(), "a formula is not an address");
        int accounted = result.emails().size() + result.rejected().size() + result.blankRows() + (result.headerRow() ? 1 : 0);
        assertEquals(11, accounted, "no row dropped silently");
    }

    @Test
    void aFileWithAByteOrderMarkAndNoHeaderReadsFromTheFirstRow(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("leavers.csv");
        Files.writeString(file, "\uFEFFjane.doe@contoso.com\r\nomar.haddad@contoso.com\r\n", StandardCharsets.UTF_8);
        EmailImport result = csv.read(file);
        assertFalse(result.headerRow());
        assertEquals(List.of("jane.doe@contoso.com", "omar.haddad@contoso.com"), result.emails());
        assertTrue(result.rejected().isEmpty());
    }

    @Test
    void brokenCsvAndHugeFilesAreRefusedNotHalfRead() {
        IOException broken = assertThrows(IOException.class, () -> csv.read(new StringReader("jane@contoso.com\n\"unclosed@x.com\n")));
        assertTrue(broken.getMessage().contains("not valid CSV"), broken.getMessage());

        StringBuilder big = new StringBuilder();
        for (int i = 0; i <= EmailCsv.MAX_ROWS; i++) big.append("user").append(i).append("@contoso.com\n");
        IOException tooMany = assertThrows(IOException.class, () -> csv.read(new StringReader(big.toString())));
        assertTrue(tooMany.getMessage().contains("more than " + EmailCsv.MAX_ROWS), tooMany.getMessage());
    }
}
