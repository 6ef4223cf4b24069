package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code preview} renders a bulletin and a picture of each page into its folder, and nothing else. */
class PreviewTest {
    @TempDir
    Path tmp;

    @Test
    void aUnitPreviewHasItsPdfWorkbookAndAPictureOfItsPage() throws Exception {
        Path to = tmp.resolve("preview");
        CliRun r = CliRun.of("preview", "--bulletin", "unit", "--unit", "SXD", "--period", "2022-12", "--to", to.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> files;
        try (Stream<Path> s = Files.list(to)) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("preview-2022-12-sxd-1.png", "preview-2022-12-sxd.pdf", "preview-2022-12-sxd.xlsx"), files,
                "one page, and no message or record anywhere in the folder");
        BufferedImage page = ImageIO.read(to.resolve("preview-2022-12-sxd-1.png").toFile());
        assertTrue(page.getWidth() > 600 && page.getHeight() > page.getWidth(), "an A4 portrait picture");
    }

    @Test
    void anUnknownUnitIsNamed() {
        CliRun r = CliRun.of("preview", "--bulletin", "unit", "--unit", "X-KHONGCO", "--period", "2022-12",
                "--to", tmp.resolve("p").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unit X-KHONGCO is not in units.csv"), r.err());
    }
}
