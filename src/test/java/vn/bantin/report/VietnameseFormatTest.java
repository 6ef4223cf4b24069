package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VietnameseFormatTest {
    @Test
    void followsTheSummarysDisplayRule() {
        assertEquals("1.724", VietnameseFormat.number(1724));
        assertEquals("2.000.000", VietnameseFormat.number(2_000_000));
        assertEquals("921", VietnameseFormat.number(921));
        assertEquals("93,78%", VietnameseFormat.percent(93.7812));
        assertEquals("68,5%", VietnameseFormat.percent(68.5));
        assertEquals("100%", VietnameseFormat.percent(100.0));
        assertEquals("6,67%", VietnameseFormat.percent(100.0 * 2 / 30));
        assertEquals("3,04", VietnameseFormat.decimal(3.0357));
        assertEquals("3,4", VietnameseFormat.decimal(3.4));
        assertEquals("1.234,5", VietnameseFormat.decimal(1234.5));
    }

    @Test
    void roundsHalfUpAsPrinted() {
        assertEquals("93,78%", VietnameseFormat.percent(93.775));
        assertEquals("0,01", VietnameseFormat.decimal(0.005));
    }
}
