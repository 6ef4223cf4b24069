package vn.bantin.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files each bulletin is made as, beside one another under one stem ({@code output.formats}): always the PDF,
 * which is the bulletin itself, and optionally the workbook and a Word document that an office can edit before issuing.
 */
public record OutputFormats(Set<Format> chosen) {

    /** A file format a bulletin can be written in, in the order its files are listed and attached. */
    public enum Format {
        PDF, XLSX, DOCX;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final OutputFormats DEFAULT = new OutputFormats(EnumSet.of(Format.PDF, Format.XLSX));

    public OutputFormats {
        if (!chosen.contains(Format.PDF)) {
            throw new IllegalArgumentException("the PDF is always made");
        }
        chosen = Set.copyOf(chosen);
    }

    /**
     * Reads a list such as {@code pdf,xlsx,docx}; returns null when a word is not a format or the PDF is missing
     * (the caller says which key and what it expects, see {@link #EXPECTED}).
     */
    public static OutputFormats parse(String words) {
        Set<Format> formats = EnumSet.noneOf(Format.class);
        for (String word : words.split(",")) {
            String w = word.strip().toUpperCase(Locale.ROOT);
            if (w.isEmpty()) {
                continue;
            }
            try {
                formats.add(Format.valueOf(w));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return formats.contains(Format.PDF) ? new OutputFormats(formats) : null;
    }

    /** What {@code output.formats} takes, for the error that names the key. */
    public static final String EXPECTED = "pdf, optionally with xlsx and docx, separated by commas (such as pdf,xlsx,docx)";

    public boolean has(Format format) {
        return chosen.contains(format);
    }

    /** The formats made from the bulletin's template ({@code province.jrxml}, {@code unit.jrxml}): all but the workbook. */
    public OutputFormats fromTemplate() {
        Set<Format> formats = EnumSet.copyOf(chosen);
        formats.remove(Format.XLSX);
        return new OutputFormats(formats);
    }

    /** The files of one bulletin in {@code dir}: {@code stem.pdf}, then {@code .xlsx} and {@code .docx} if chosen. */
    public List<Path> files(Path dir, String stem) {
        List<Path> files = new ArrayList<>();
        for (Format f : Format.values()) {
            if (has(f)) {
                files.add(dir.resolve(stem + "." + f.extension()));
            }
        }
        return files;
    }

    /** The chosen formats' names in capitals, e.g. "PDF, XLSX and DOCX", for people. */
    public String describe() {
        List<String> names = new ArrayList<>();
        for (Format f : Format.values()) {
            if (has(f)) {
                names.add(f.name());
            }
        }
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
