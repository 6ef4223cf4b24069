package vn.bantin.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.bantin.indicator.Scores766.GroupScore;
import vn.bantin.indicator.Scores766.ItemFigure;
import vn.bantin.indicator.Scores766.ScopeScore;

/** Reconciliation (spec indicators-766 §8): each group on the official scale, the tolerance, the deduction. */
class Official766Test {

    private static ScopeScore local() {
        Map<Item766, ItemFigure> items = new EnumMap<>(Item766.class);
        // 2.1: 112 of 140 on time = 80% -> 16 of 20: 4 points lost.
        items.put(Item766.ON_TIME, new ItemFigure.Counted(Item766.ON_TIME, 112, 140, Figure.of(80), 16.0, 20.0, null));
        Map<Group766, GroupScore> groups = new EnumMap<>(Group766.class);
        groups.put(Group766.TIEN_DO, new GroupScore(Group766.TIEN_DO, Figure.of(80), 16.0, 20.0));
        groups.put(Group766.DVC_TRUC_TUYEN, new GroupScore(Group766.DVC_TRUC_TUYEN, Figure.of(50), 6.0, 12.0));
        groups.put(Group766.THANH_TOAN, GroupScore.none(Group766.THANH_TOAN));
        groups.put(Group766.SO_HOA, new GroupScore(Group766.SO_HOA, Figure.of(50), 10.0, 20.0));
        groups.put(Group766.HAI_LONG, new GroupScore(Group766.HAI_LONG, Figure.of(100), 12.0, 12.0));
        return new ScopeScore("X1", "UBND xã X", items, groups, new GroupScore(Group766.TONG, Figure.of(68.75), 44.0, 64.0));
    }

    private static Map<Group766, Official766.Score> official(double tienDo, double tong) {
        Map<Group766, Official766.Score> o = new EnumMap<>(Group766.class);
        o.put(Group766.CONG_KHAI, new Official766.Score(Group766.CONG_KHAI, 16, 18, null));
        o.put(Group766.TIEN_DO, new Official766.Score(Group766.TIEN_DO, tienDo, 20, null));
        o.put(Group766.DVC_TRUC_TUYEN, new Official766.Score(Group766.DVC_TRUC_TUYEN, 6, 12, null));
        o.put(Group766.THANH_TOAN, new Official766.Score(Group766.THANH_TOAN, 8, 10, null));
        o.put(Group766.SO_HOA, new Official766.Score(Group766.SO_HOA, 11, 22, null));
        o.put(Group766.HAI_LONG, new Official766.Score(Group766.HAI_LONG, 18, 18, null));
        o.put(Group766.TONG, new Official766.Score(Group766.TONG, tong, 100, 3));
        return o;
    }

    @Test
    void aGroupBeyondTheToleranceIsListedWithTheItemsThatCostPoints() {
        Official766.Reconciliation r = Official766.reconcile("X1", "UBND xã X", local(), official(20, 75), 2);
        Official766.Difference d = r.differences().get(Group766.TIEN_DO);
        assertEquals(4, d.delta(), 1e-9);
        assertTrue(r.listed());
        assertEquals(List.of(Item766.ON_TIME), d.lost().stream().map(ItemFigure.Counted::item).toList());
        assertEquals(4, d.lost().get(0).lost(), 1e-9);
        // Official-only 5.3 counts at the local rate: 50% of 22 = 11 -> 0; no local thanh_toan: the official 8 stands.
        assertEquals(0, r.differences().get(Group766.SO_HOA).delta(), 1e-9);
        assertEquals(List.of("5.3"), r.differences().get(Group766.SO_HOA).officialOnly());
        assertFalse(r.differences().containsKey(Group766.THANH_TOAN));
        assertFalse(r.differences().containsKey(Group766.CONG_KHAI));
        // tong: 16 + 6 + 8 + 11 + 18 + 16 (official công khai) = 75 -> 0; Σ official groups 79 - 75 = 4 deducted.
        assertEquals(75 - (16 + 6 + 8 + 11 + 18 + 16), r.differences().get(Group766.TONG).delta(), 1e-9);
        assertEquals((16 + 20 + 6 + 8 + 11 + 18) - 75, r.deduction(), 1e-9);
    }

    @Test
    void exactlyTheToleranceIsNotListed() {
        Official766.Reconciliation r = Official766.reconcile("X1", "UBND xã X", local(), official(18, 73), 2);
        assertEquals(2, r.differences().get(Group766.TIEN_DO).delta(), 1e-9);
        assertFalse(r.listed(), "listed only above the tolerance");
    }

    @Test
    void withoutAllSixGroupsThereIsNoTotalDifference() {
        Map<Group766, Official766.Score> o = new EnumMap<>(Group766.class);
        o.put(Group766.TONG, new Official766.Score(Group766.TONG, 90, 100, 1));
        Official766.Reconciliation r = Official766.reconcile("X1", "UBND xã X", local(), o, 2);
        assertTrue(r.differences().isEmpty());
        assertNull(r.deduction());
    }
}
