package io.boardcast.importer;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The file format, both ways: UTF-8 CSV (RFC 4180: commas, double quotes, CRLF or LF) with a header row naming some of
 * {@link #HEADER} in any order ({@code title} required). Cells a spreadsheet would run as a formula are written with a
 * leading {@code '} and read back without it. Plain Java: no Spring, no database.
 */
final class CsvFile {

    /** The columns, in the order export writes them. */
    static final List<String> HEADER = List.of("title", "description", "column", "assignees", "due", "labels");

    /** Separates several assignees or labels within one cell. */
    static final String LIST_SEPARATOR = ";";

    /** What makes a spreadsheet treat a cell as a formula (OWASP's list), and the escape itself. */
    private static final String FORMULA_STARTS = "=+-@\t\r'";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    /** A data row: where it starts in the file (1 is the header) and its cells by column name (absent: blank). */
    record Row(int line, Map<String, String> cells, int extraCells) {

        String cell(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    /** A file that is not an import file at all, said for the person who chose it. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private CsvFile() {
    }

    /** Every data row of the file; at most {@code maxRows} of them, else the whole file is refused. */
    static List<Row> read(byte[] bytes, int maxRows) throws Unreadable {
        String text = utf8(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new Unreadable("The file is empty. The first line must be a header: " + String.join(", ", HEADER) + ".");
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            var records = parser.iterator();
            List<String> columns = header(records.next());
            List<Row> rows = new ArrayList<>();
            long lastLine = parser.getCurrentLineNumber();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = (int) lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // an empty line
                }
                if (rows.size() == maxRows) {
                    throw new Unreadable("The file has more than " + String.format(Locale.ENGLISH, "%,d", maxRows)
                            + " rows. Split it into smaller files.");
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < Math.min(record.size(), columns.size()); i++) {
                    cells.put(columns.get(i), unescape(record.get(i)));
                }
                rows.add(new Row(line, cells, Math.max(0, record.size() - columns.size())));
            }
            if (rows.isEmpty()) {
                throw new Unreadable("The file has a header but no rows to import.");
            }
            return rows;
        } catch (UncheckedIOException | IllegalStateException malformed) {
            throw new Unreadable("This is not a CSV file we can read: " + reason(malformed));
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
    }

    private static List<String> header(CSVRecord first) throws Unreadable {
        List<String> columns = new ArrayList<>();
        for (String name : first) {
            String column = name.strip().toLowerCase(Locale.ROOT);
            if (!HEADER.contains(column)) {
                throw new Unreadable("The first line must be a header naming the columns (" + String.join(", ", HEADER)
                        + "); it has \u201c" + shorten(name) + "\u201d.");
            }
            if (columns.contains(column)) {
                throw new Unreadable("The header names the column \u201c" + column + "\u201d twice.");
            }
            columns.add(column);
        }
        if (!columns.contains("title")) {
            throw new Unreadable("The header must name a title column.");
        }
        return columns;
    }

    /** The rows as a CSV file with the full header. */
    static String write(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(HEADER);
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(CsvFile::escape).toList());
            }
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return out.toString();
    }

    /** A cell a spreadsheet would run as a formula, prefixed with {@code '} (as is one that starts with it). */
    static String escape(String cell) {
        return cell != null && !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** The cell as it was before {@link #escape}: one leading {@code '} dropped when what follows needed it. */
    static String unescape(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    private static String utf8(byte[] bytes) throws Unreadable {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new Unreadable("The file is not text in UTF-8 (save it as \u201cCSV UTF-8\u201d).");
        }
    }

    private static String reason(RuntimeException malformed) {
        String message = malformed.getCause() != null ? malformed.getCause().getMessage() : malformed.getMessage();
        return message == null ? "it is malformed." : shorten(message);
    }

    private static String shorten(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "\u2026" : text;
    }
}
