package vn.bantin.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The rows of one sheet of an Excel workbook (.xlsx), read with POI's streaming sheet parser so that a sheet of
 * a million rows never sits in memory. Neither do its shared strings (the text of every cell, millions in a large
 * export) go to temporary files: see {@link XlsxSharedStrings}. Only the styles are held.
 * Line = the sheet's row number; rows without any text are left out. Cell text follows the contract whatever the computer's locale: see
 * {@link XlsxNumberText}; booleans are {@code true}/{@code false}, error cells ({@code #N/A}) are empty.
 */
final class XlsxRows implements RowStream {
    private static final int MAX_COLUMNS = 16_384; // Excel's last column, XFD
    private static final String SAVE_AS = "open it in Excel and save it as Excel Workbook (.xlsx) or CSV UTF-8";

    private final Path file;
    private final String sheetName;
    private final String name;

    /** {@code sheetName} null: the first sheet. Names match case-insensitively, surrounding spaces ignored. */
    XlsxRows(Path file, String sheetName) {
        this.file = file;
        this.sheetName = sheetName;
        this.name = file.getFileName().toString();
    }

    @Override
    public void forEach(RowHandler handler) {
        sniff();
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            throw notAWorkbook(e);
        }
        try (XlsxSharedStrings strings = XlsxSharedStrings.of(pkg)) {
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            boolean date1904 = date1904(reader);
            readSheet(reader, strings, styles == null ? new StylesTable() : styles, date1904, handler);
        } catch (POIXMLException | OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw notAWorkbook(e);
        } catch (IOException e) {
            throw new SourceException(name + ": cannot be read (" + e.getMessage() + ")");
        } finally {
            pkg.revert(); // closes the file without writing; close() would try to save a read-only package
        }
    }

    private SourceException notAWorkbook(Exception e) {
        if (String.valueOf(e.getMessage()).contains("Strict OOXML")) {
            return new SourceException(name + ": saved as Strict Open XML Spreadsheet, which is not read; " + SAVE_AS);
        }
        return new SourceException(name + ": not a readable Excel workbook: it is damaged, or a ZIP archive of"
                + " something else (" + e.getMessage() + "); " + SAVE_AS);
    }

    /** Stops a file that is not an .xlsx workbook before POI does, with what it is instead and what to do. */
    private void sniff() {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        } catch (NoSuchFileException e) {
            throw new SourceException(name + ": file not found in " + file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new SourceException(name + ": cannot be read (" + e.getMessage() + ")");
        }
        if (head.length == 0) {
            throw new SourceException(name + ": the file is empty; expected an Excel workbook (.xlsx)");
        }
        switch (FileMagic.valueOf(head)) {
            case OOXML -> {
                return;
            }
            case OLE2 -> throw new SourceException(encrypted()
                    ? name + ": the workbook is protected with a password and cannot be read; open it in Excel, remove"
                            + " the password (File > Info > Protect Workbook > Encrypt with Password) and save it again"
                    : name + ": an old Excel 97-2003 workbook (.xls), which is not read; " + SAVE_AS);
            case HTML, XML -> throw new SourceException(name + ": not an Excel .xlsx workbook (it is a web page or XML"
                    + " file with an Excel name, as some platforms export); " + SAVE_AS);
            default -> {
                for (byte b : head) {
                    if (b == 0) {
                        throw new SourceException(name + ": not an Excel .xlsx workbook; " + SAVE_AS);
                    }
                }
                throw new SourceException(name + ": not an Excel .xlsx workbook (it holds plain text, like a CSV file"
                        + " renamed to .xlsx); name it .csv if it is CSV, or " + SAVE_AS);
            }
        }
    }

    /** An encrypted .xlsx is an OLE2 container holding the encrypted package; an .xls holds a Workbook stream. */
    private boolean encrypted() {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Old Mac workbooks count dates from 1904; the flag is in workbook.xml, read here with a short SAX pass. */
    private static boolean date1904(XSSFReader reader)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        boolean[] found = {false};
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if ("workbookPr".equals(localName)) {
                    String v = attributes.getValue("date1904");
                    found[0] = "1".equals(v) || "true".equals(v);
                }
            }
        });
        try (InputStream in = reader.getWorkbookData()) {
            xml.parse(new InputSource(in));
        }
        return found[0];
    }

    private void readSheet(XSSFReader reader, SharedStrings strings, StylesTable styles,
            boolean date1904, RowHandler handler)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        List<String> names = new ArrayList<>();
        while (sheets.hasNext()) {
            try (InputStream in = sheets.next()) {
                String sheet = sheets.getSheetName();
                if (sheetName == null || key(sheet).equals(key(sheetName))) {
                    parse(in, sheet, strings, styles, date1904, handler);
                    return;
                }
                names.add(sheet);
            }
        }
        throw new SourceException(names.isEmpty() ? name + ": the workbook has no sheets"
                : name + ": no sheet named \"" + sheetName.strip() + "\"; the workbook has: " + String.join(", ", names));
    }

    private static String key(String sheet) {
        String t = Cells.text(sheet);
        return t == null ? "" : t.toLowerCase(Locale.ROOT);
    }

    private void parse(InputStream in, String sheet, SharedStrings strings, StylesTable styles,
            boolean date1904, RowHandler handler) throws IOException, SAXException, ParserConfigurationException {
        SheetRows rows = new SheetRows(sheet, handler);
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new XlsxNumberText(date1904), false) {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes)
                    throws SAXException {
                if ("c".equals(localName) && XSSFRelation.NS_SPREADSHEETML.equals(uri)) {
                    rows.type = attributes.getValue("t"); // the handler's text does not say which cells are booleans
                }
                super.startElement(uri, localName, qName, attributes);
            }
        });
        try {
            xml.parse(new InputSource(in));
        } catch (SAXException | RuntimeException e) {
            if (rows.stopped != null) {
                throw rows.stopped; // the handler's own exception, however the parser wrapped it
            }
            throw new SourceException(name + ": sheet " + sheet + " is damaged near row " + rows.row
                    + " (" + e.getMessage() + "); " + SAVE_AS);
        }
    }

    /** Gathers one row's cells by column and hands the row on when it ends. */
    private final class SheetRows implements SheetContentsHandler {
        private final String sheet;
        private final RowHandler handler;
        String type;
        RuntimeException stopped;
        long row;
        private List<String> cells = new ArrayList<>();
        private boolean hasText;
        private int nextColumn;

        SheetRows(String sheet, RowHandler handler) {
            this.sheet = sheet;
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            row = rowNum + 1L;
            cells = new ArrayList<>();
            hasText = false;
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            if (!hasText) {
                return;
            }
            try {
                handler.row(row, cells);
            } catch (RuntimeException e) {
                stopped = e;
                throw e;
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            if (value == null) {
                return; // a comment on an empty cell
            }
            int column = ref == null ? -1 : column(ref);
            if (column < 0) {
                column = nextColumn; // a cell without its reference follows the one before
            }
            nextColumn = column + 1;
            String text = switch (type == null ? "n" : type) {
                case "b" -> "TRUE".equals(value) ? "true" : "false";
                case "e" -> "";
                default -> value;
            };
            while (cells.size() < column) {
                cells.add("");
            }
            if (column < cells.size()) {
                cells.set(column, text);
            } else {
                cells.add(text);
            }
            hasText |= !text.isEmpty();
        }

        /** The 0-based column of a reference such as {@code AB17}. */
        private int column(String ref) {
            int column = 0;
            for (int i = 0; i < ref.length(); i++) {
                char c = Character.toUpperCase(ref.charAt(i));
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
                if (column > MAX_COLUMNS) {
                    stopped = new SourceException(name + ": sheet " + sheet + " row " + row
                            + ": cell " + ref + " is beyond Excel's last column XFD; " + SAVE_AS);
                    throw stopped;
                }
            }
            return column - 1;
        }
    }
}
