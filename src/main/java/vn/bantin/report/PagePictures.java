package vn.bantin.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** One PNG per page of a PDF, beside it ({@code name-1.png}, …), so a template editor can look without a PDF viewer. */
public final class PagePictures {
    private PagePictures() {
    }

    public static List<Path> write(Path pdf, int dpi) throws IOException {
        List<Path> pictures = new ArrayList<>();
        String stem = pdf.getFileName().toString().replaceFirst("\\.pdf$", "");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
                Path png = pdf.resolveSibling(stem + "-" + (i + 1) + ".png");
                ImageIO.write(image, "png", png.toFile());
                pictures.add(png);
            }
        }
        return pictures;
    }
}
