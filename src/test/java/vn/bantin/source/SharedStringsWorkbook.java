package vn.bantin.source;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a dossiers export as an .xlsx whose every text cell is a shared string, three of them new on each row
 * (the id and two free-text columns), as a platform's Excel export does: {@code rows} rows make 3 x rows shared
 * strings. The parts are written directly, as a stream, so that a workbook of millions of strings costs no memory
 * to make. Used by XlsxSharedStringsTest and by bench/xlsx-shared-strings.sh ({@code main}: file rows).
 */
final class SharedStringsWorkbook {
    static final String[] UNITS = {"STTTT", "SNNPTNT", "X-TRUNGXA"};

    private SharedStringsWorkbook() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    static void write(Path file, int rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            put(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="Hồ sơ" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            put(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                    </Relationships>""");
            String[] header = {"id", "unit", "channel", "received_date", "note", "handler"};
            int fixed = header.length + UNITS.length + 2 + 12; // header, units, channels, one date per month
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            Writer w = writer(zip);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"http://schemas.openxmlformats"
                    + ".org/spreadsheetml/2006/main\" count=\"" + (fixed + 3L * rows) + "\" uniqueCount=\"" + (fixed + 3L * rows) + "\">");
            for (String h : header) {
                si(w, h);
            }
            for (String u : UNITS) {
                si(w, u);
            }
            si(w, "online");
            si(w, "direct");
            for (int m = 1; m <= 12; m++) {
                si(w, java.time.YearMonth.of(2022, m).atEndOfMonth().toString());
            }
            for (int i = 0; i < rows; i++) {
                si(w, "HS-" + i);
                si(w, "Ghi chú hồ sơ " + i);
                si(w, "Cán bộ xử lý " + i);
            }
            w.write("</sst>");
            w.flush();
            zip.closeEntry();

            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            w = writer(zip);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas."
                    + "openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            w.write("<row r=\"1\">");
            for (int c = 0; c < header.length; c++) {
                cell(w, c, 1, c);
            }
            w.write("</row>");
            int units = header.length;
            int channels = units + UNITS.length;
            int dates = channels + 2;
            for (int i = 0; i < rows; i++) {
                int r = i + 2;
                w.write("<row r=\"" + r + "\">");
                cell(w, 0, r, fixed + 3 * i);
                cell(w, 1, r, units + i % UNITS.length);
                cell(w, 2, r, channels + i % 2);
                cell(w, 3, r, dates + i % 12);
                cell(w, 4, r, fixed + 3 * i + 1);
                cell(w, 5, r, fixed + 3 * i + 2);
                w.write("</row>");
            }
            w.write("</sheetData></worksheet>");
            w.flush();
            zip.closeEntry();
        }
    }

    private static Writer writer(ZipOutputStream zip) {
        return new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
    }

    private static void si(Writer w, String text) throws IOException {
        w.write("<si><t>");
        w.write(text);
        w.write("</t></si>");
    }

    private static void cell(Writer w, int column, int row, int string) throws IOException {
        w.write("<c r=\"" + (char) ('A' + column) + row + "\" t=\"s\"><v>" + string + "</v></c>");
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
