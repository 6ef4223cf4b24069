package vn.bantin.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.delivery.Message;
import vn.bantin.delivery.Sender;
import vn.bantin.indicator.Period;
import vn.bantin.store.Database;

/**
 * The run with {@code sign.keystore} set: started without the signing step, it refuses before anything is made or
 * sent; with a key that opened but cannot sign a PDF, that bulletin is not sent and the summary and the administrator
 * are told it is a signature problem, with its reason, not a broken template.
 */
class SigningStepRunTest {
    private static final String LEADER = "chutich@bacninh.gov.vn";
    private static final String ADMIN = "quantri@bacninh.gov.vn";

    @TempDir
    Path tmp;

    @Test
    void aRunStartedWithoutTheSigningStepIsRefusedAndSendsNothing() throws Exception {
        List<Message> sent = new CopyOnWriteArrayList<>();
        Settings settings = settings();
        try (Database db = Database.open(settings.store())) {
            BulletinRun run = new BulletinRun(settings, recording(sent), Clock.systemUTC(), RunListener.QUIET, db.dataSource(),
                    wait -> { });
            SignatureException e = assertThrows(SignatureException.class, () -> run.run(december()));
            assertEquals("sign.keystore is set, but this run was started without a way to sign: nothing is sent unsigned;"
                    + " start it from 'bantin run', 'bantin serve' or the console", e.getMessage());
        }
        assertTrue(sent.stream().noneMatch(m -> m.to().email().equals(LEADER)), "no bulletin went out unsigned");
        assertFalse(Files.exists(tmp.resolve("out/2022-12")), "nothing was rendered");
    }

    @Test
    void aPdfThatCannotBeSignedIsASignatureProblemWithItsReason() throws Exception {
        List<Message> sent = new CopyOnWriteArrayList<>();
        Settings settings = settings();
        SignatureStep failing = () -> new SignatureStep.Signer() {
            @Override
            public SignatureStep.SignerCertificate certificate() {
                return null;
            }

            @Override
            public void sign(Path pdf) {
                throw new SignatureException(pdf.getFileName() + ": cannot be signed (No space left on device)");
            }
        };
        try (Database db = Database.open(settings.store())) {
            RunResult result = new BulletinRun(settings, recording(sent), Clock.systemUTC(), RunListener.QUIET, db.dataSource(),
                    wait -> { }).signedBy(failing).run(december());
            assertEquals(1, result.notMade().size());
        }
        assertTrue(sent.stream().noneMatch(m -> m.to().email().equals(LEADER)), "the unsigned bulletin did not go out");
        Message notice = sent.stream().filter(m -> m.to().email().equals(ADMIN)).findFirst().orElseThrow();
        assertEquals("bantin: 1 bản tin kỳ 2022-12 chưa gửi do không ký số được tệp PDF", notice.subject());
        assertTrue(notice.text().contains("ban-tin-2022-12-tinh.pdf: cannot be signed (No space left on device)\n"
                + "    không ký số được: province bulletin"), notice.text());
        assertFalse(notice.text().contains("Sửa mẫu") || notice.text().contains("mẫu bị lỗi"), notice.text());
        String summary = Files.readString(tmp.resolve("out/2022-12/run-summary.txt"), StandardCharsets.UTF_8);
        assertTrue(summary.contains("Bản tin không ký số được nên chưa gửi"), summary);
        assertFalse(summary.contains("mẫu bị lỗi"), summary);
    }

    private Settings settings() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\n" + vn.bantin.store.TestStores.properties(tmp.resolve("var")) + "out.dir=" + tmp.resolve("out")
                + "\noutbox.dir=" + tmp.resolve("outbox") + "\nmail.admin=" + ADMIN + "\nsign.keystore="
                + tmp.resolve("signer.p12") + "\nsign.password-env=PATH\n", StandardCharsets.UTF_8);
        Files.writeString(config.resolve("recipients.csv"), "unit,name,email,bulletins\n,Chủ tịch UBND tỉnh," + LEADER
                + ",province\n", StandardCharsets.UTF_8);
        return ConfigLoader.load(config);
    }

    private static Sender recording(List<Message> sent) {
        return message -> {
            sent.add(message);
            return "recorded";
        };
    }

    private static RunRequest december() {
        return new RunRequest(Period.parse("2022-12"), Set.of(RunRequest.PROVINCE), Set.of(), false, "test");
    }
}
