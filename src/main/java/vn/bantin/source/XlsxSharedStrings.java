package vn.bantin.source;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared strings of a workbook (the text of its cells, each distinct string once) in two temporary files: the
 * texts one after another in UTF-8, and where each begins (8 bytes per string). A cell's text is read back with two
 * positional reads, and the last few thousand are cached, since columns such as unit or channel repeat a few strings.
 *
 * <p>POI's ReadOnlySharedStringsTable keeps every string on the heap: a workbook with 3 million distinct ids and
 * comments ran out of a 256 MB heap. poi-shared-strings (strings in H2's MVStore) was tried: it needed more heap than
 * POI's own table for 600,000 strings and took minutes for 3 million, as it also keeps a reverse map. This keeps
 * the heap constant whatever the number of strings, at the cost of a sequential write of the table.
 */
final class XlsxSharedStrings implements SharedStrings, Closeable {
    private static final int CACHED = 4096;

    private final Path texts;
    private final Path starts;
    private final FileChannel textChannel;
    private final FileChannel startChannel;
    private final int count;
    private final ByteBuffer startPair = ByteBuffer.allocate(16);
    private final Map<Integer, String> cache = new LinkedHashMap<>(CACHED * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, String> eldest) {
            return size() > CACHED;
        }
    };

    private XlsxSharedStrings(Path texts, Path starts, int count) throws IOException {
        this.texts = texts;
        this.starts = starts;
        this.count = count;
        this.textChannel = FileChannel.open(texts, StandardOpenOption.READ);
        this.startChannel = FileChannel.open(starts, StandardOpenOption.READ);
    }

    /** Writes the workbook's shared strings (none when it has no table) to temporary files. */
    static XlsxSharedStrings of(OPCPackage pkg) throws IOException, SAXException, ParserConfigurationException {
        Path texts = Files.createTempFile("bantin-xlsx-strings", ".txt");
        Path starts = Files.createTempFile("bantin-xlsx-strings", ".idx");
        try {
            int count;
            try (OutputStream textOut = new BufferedOutputStream(Files.newOutputStream(texts), 1 << 16);
                 DataOutputStream startOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(starts), 1 << 16))) {
                Writer writer = new Writer(textOut, startOut);
                List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
                if (!parts.isEmpty()) {
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(writer);
                    try (InputStream in = parts.get(0).getInputStream()) {
                        xml.parse(new InputSource(in));
                    }
                }
                count = writer.finish();
            }
            return new XlsxSharedStrings(texts, starts, count);
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            Files.deleteIfExists(texts);
            Files.deleteIfExists(starts);
            throw e;
        }
    }

    /**
     * The cell's text as a plain string: the sheet parser only asks for its text, and POI's own XSSFRichTextString
     * would build an XMLBeans object per cell (and load the spreadsheet schema's types, some megabytes, to do so).
     */
    @Override
    public RichTextString getItemAt(int idx) {
        return new PlainText(text(idx));
    }

    String text(int idx) {
        if (idx < 0 || idx >= count) {
            throw new IllegalArgumentException("shared string " + idx + " does not exist (the table has " + count + ")");
        }
        String cached = cache.get(idx);
        if (cached != null) {
            return cached;
        }
        try {
            startPair.clear();
            readFully(startChannel, startPair, idx * 8L);
            long from = startPair.getLong(0);
            long to = startPair.getLong(8);
            ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(to - from));
            readFully(textChannel, bytes, from);
            String text = new String(bytes.array(), StandardCharsets.UTF_8);
            cache.put(idx, text);
            return text;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the workbook's shared strings cannot be read back from " + texts, e);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            if (channel.read(into, position + into.position()) < 0) {
                throw new IOException("the temporary file ends early");
            }
        }
    }

    @Override
    public int getCount() {
        return count;
    }

    @Override
    public int getUniqueCount() {
        return count;
    }

    /** Deletes the temporary files. */
    @Override
    public void close() throws IOException {
        try (textChannel; startChannel) {
            cache.clear();
        } finally {
            Files.deleteIfExists(texts);
            Files.deleteIfExists(starts);
        }
    }

    /** A shared string's text, without formatting: exports are read for their text only. */
    private record PlainText(String text) implements RichTextString {
        @Override
        public String getString() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public int numFormattingRuns() {
            return 0;
        }

        @Override
        public int getIndexOfFormattingRun(int index) {
            throw new IndexOutOfBoundsException("a shared string read from an export has no formatting runs");
        }

        @Override
        public void clearFormatting() {
            // no formatting to clear
        }

        @Override
        public void applyFont(int startIndex, int endIndex, short fontIndex) {
            throw readOnly();
        }

        @Override
        public void applyFont(int startIndex, int endIndex, Font font) {
            throw readOnly();
        }

        @Override
        public void applyFont(Font font) {
            throw readOnly();
        }

        @Override
        public void applyFont(short fontIndex) {
            throw readOnly();
        }

        private static UnsupportedOperationException readOnly() {
            return new UnsupportedOperationException("the shared strings of an export are read, never formatted");
        }
    }

    /**
     * Writes the text of each {@code <si>}: its {@code <t>} runs, without the phonetic guides ({@code <rPh>}), as
     * POI's own table reads it.
     */
    private static final class Writer extends DefaultHandler {
        private final OutputStream texts;
        private final DataOutputStream starts;
        private final StringBuilder text = new StringBuilder();
        private long written;
        private int count;
        private boolean inT;
        private boolean inPhonetic;

        Writer(OutputStream texts, DataOutputStream starts) {
            this.texts = texts;
            this.starts = starts;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (!XSSFRelation.NS_SPREADSHEETML.equals(uri)) {
                return;
            }
            switch (localName) {
                case "si" -> text.setLength(0);
                case "t" -> inT = true;
                case "rPh" -> inPhonetic = true;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (!XSSFRelation.NS_SPREADSHEETML.equals(uri)) {
                return;
            }
            switch (localName) {
                case "si" -> add();
                case "t" -> inT = false;
                case "rPh" -> inPhonetic = false;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inT && !inPhonetic) {
                text.append(ch, start, length);
            }
        }

        private void add() throws SAXException {
            try {
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                starts.writeLong(written);
                texts.write(bytes);
                written += bytes.length;
                count++;
            } catch (IOException e) {
                throw new SAXException("cannot write the shared strings to a temporary file: " + e.getMessage(), e);
            }
        }

        /** Writes where the last string ends, so that every string's length is the next start minus its own. */
        int finish() throws IOException {
            starts.writeLong(written);
            return count;
        }
    }
}
