package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.bantin.delivery.Message;
import vn.bantin.delivery.MessageComposer;
import vn.bantin.delivery.Recipient;

/**
 * The emails as the deployed templates word them, from the 2022 sample: a figure without a target says so instead of
 * "chỉ tiêu không phát sinh", and the province's HTML part carries the targets and the verdicts its text part has.
 */
class EmailWordingTest {

    static final Path TEMPLATES = Path.of("templates");
    static final MessageComposer VI = new MessageComposer(TEMPLATES, "vi");

    private static Message unitMessage(String unitName) {
        return VI.compose("unit", new Recipient("X", "Văn thư", "vanthu@bacninh.gov.vn", Set.of("unit")),
                SampleIndicators.december(unitName), List.of(), "t");
    }

    @Test
    void aUnitFigureWithoutATargetSaysNoTargetIsSet() {
        Message m = unitMessage("UBND xã Ninh Xá");
        assertAll(
                () -> assertFalse(m.text().contains("chỉ tiêu không phát sinh"), m.text()),
                () -> assertFalse(m.html().contains("chỉ tiêu không phát sinh"), m.html()),
                () -> assertTrue(m.text().contains("Tỷ lệ hồ sơ giải quyết đúng hạn: 90% (không giao chỉ tiêu; xếp hạng"),
                        m.text()),
                () -> assertTrue(m.html().contains("không giao chỉ tiêu"), m.html()),
                () -> assertTrue(m.text().contains("(chỉ tiêu 60%: Chưa đạt; xếp hạng"), m.text()),
                () -> assertFalse(m.text().contains("—"), "no dash for a verdict that cannot be given: " + m.text()));
    }

    @Test
    void theProvinceHtmlPartHasTheTargetsAndVerdictsOfItsTextPart() {
        Map<String, Object> p = new ProvinceParameters(Labels.load(TEMPLATES, "vi"))
                .build(SampleIndicators.of("2022-12"), SampleIndicators.tree(), SampleIndicators.context());
        Message m = VI.compose("province", new Recipient("", "Chủ tịch", "ct@bacninh.gov.vn", Set.of("province")), p,
                List.of(), "t");
        String html = m.html().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertAll(
                () -> assertTrue(m.text().contains("Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4: 68,5% (chỉ tiêu 80%: Chưa đạt)"),
                        m.text()),
                () -> assertTrue(html.contains("Dịch vụ công trực tuyến mức độ 3, 4 (chỉ tiêu 80%) 68,5% Chưa đạt"), html),
                () -> assertTrue(html.contains("Hồ sơ giải quyết trực tuyến toàn tỉnh (chỉ tiêu 50%) 31,61% Chưa đạt"), html),
                () -> assertTrue(html.contains("Cấp tỉnh (chỉ tiêu 90%) 99,11% Đạt"), html));
    }
}
