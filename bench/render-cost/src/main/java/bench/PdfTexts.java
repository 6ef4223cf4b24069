package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of every PDF under a folder, each after a line with its path relative to the folder, in path order: two
 * runs made the same bulletins when the outputs of this for their {@code out/} folders are equal (the files' bytes
 * differ by their creation time and id).
 * Usage: {@code java -cp classes:bantin.jar bench.PdfTexts DIR}
 */
public final class PdfTexts {
    private PdfTexts() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<Path> pdfs;
        try (Stream<Path> files = Files.walk(dir)) {
            pdfs = files.filter(f -> f.toString().endsWith(".pdf")).map(dir::relativize).sorted().toList();
        }
        PDFTextStripper stripper = new PDFTextStripper();
        for (Path pdf : pdfs) {
            try (PDDocument doc = Loader.loadPDF(dir.resolve(pdf).toFile())) {
                System.out.println("== " + pdf + " (" + doc.getNumberOfPages() + " pages)");
                System.out.print(stripper.getText(doc));
            }
        }
    }
}
