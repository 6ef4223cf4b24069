package vn.bantin.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.bantin.indicator.PlainIndicators.dvc;
import static vn.bantin.indicator.PlainIndicators.edoc;
import static vn.bantin.indicator.PlainIndicators.locality;
import static vn.bantin.indicator.PlainIndicators.unit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.bantin.indicator.Rankings.Rank;
import vn.bantin.indicator.Rankings.Ranked;

class RankingsTest {

    private static final Period DEC = Period.parse("2022-12");

    @Test
    void tiesShareARankAndTheNextSkips() {
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("a", Figure.of(70));
        figures.put("b", Figure.of(90));
        figures.put("c", Figure.of(80));
        figures.put("d", Figure.of(80));
        figures.put("e", Figure.of(60));
        assertEquals(Map.of("b", new Rank(1, 5), "c", new Rank(2, 5), "d", new Rank(2, 5), "a", new Rank(4, 5),
                "e", new Rank(5, 5)), Rankings.competition(figures));
    }

    @Test
    void equalFractionsAreTies() {
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("a", Figure.percent(1, 3));
        figures.put("b", Figure.percent(2, 6));
        figures.put("c", Figure.percent(100, 300));
        assertEquals(Map.of("a", new Rank(1, 3), "b", new Rank(1, 3), "c", new Rank(1, 3)), Rankings.competition(figures));
    }

    @Test
    void unitsWithoutAFigureAreNotRankedNorCounted() {
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("a", Figure.NO_DATA);
        figures.put("b", Figure.of(0));
        figures.put("c", Figure.of(100));
        figures.put("d", Figure.NO_DATA);
        assertEquals(Map.of("c", new Rank(1, 2), "b", new Rank(2, 2)), Rankings.competition(figures),
                "0 is a figure and is ranked, no data is not");
        assertEquals(Map.of(), Rankings.competition(Map.of("x", Figure.NO_DATA)));
    }

    @Test
    void eachUnitIsRankedWithinItsLevel() {
        Unit s1 = unit("S1", "Sở 1", Level.PROVINCE, null), s2 = unit("S2", "Sở 2", Level.PROVINCE, null);
        Unit s3 = unit("S3", "Sở 3", Level.PROVINCE, null);
        Unit h1 = unit("H1", "Huyện 1", Level.DISTRICT, null), h2 = unit("H2", "Huyện 2", Level.DISTRICT, null);
        Unit x1 = unit("X1", "Xã 1", Level.COMMUNE, "H1");
        Indicators in = PlainIndicators.of(DEC,
                List.of(edoc(s1, 95, 100), edoc(s2, 99, 100), edoc(s3, 0, 0), edoc(h1, 50, 100), edoc(h2, 99, 100),
                        edoc(x1, 10, 100)),
                List.of(dvc(s1, 8, 10, 30, 100, 9, 10), dvc(s2, 8, 10, 0, 0, 10, 10), dvc(h1, 1, 2, 5, 10, 0, 0)),
                List.of(locality(h1, 20, 19, 0, 0), locality(h2, 40, 38, 0, 0)));
        Rankings r = Rankings.of(in);

        assertEquals(Optional.of(new Rank(2, 2)), r.rank(Ranked.EDOC_RATE, "S1"), "S3 has no figure: 2 ranked");
        assertEquals(Optional.of(new Rank(1, 2)), r.rank(Ranked.EDOC_RATE, "S2"));
        assertEquals(Optional.empty(), r.rank(Ranked.EDOC_RATE, "S3"));
        assertEquals(Optional.of(new Rank(1, 2)), r.rank(Ranked.EDOC_RATE, "H2"), "districts apart from departments");
        assertEquals(Optional.of(new Rank(1, 1)), r.rank(Ranked.EDOC_RATE, "X1"));

        assertEquals(Optional.of(new Rank(1, 2)), r.rank(Ranked.ONLINE_SERVICE_SHARE, "S1"), "tied at 80%");
        assertEquals(Optional.of(new Rank(1, 2)), r.rank(Ranked.ONLINE_SERVICE_SHARE, "S2"));
        assertEquals(Optional.of(new Rank(1, 1)), r.rank(Ranked.ONLINE_DOSSIER_SHARE, "S1"));
        assertEquals(Optional.empty(), r.rank(Ranked.ONLINE_DOSSIER_SHARE, "S2"));
        assertEquals(Optional.of(new Rank(2, 2)), r.rank(Ranked.ON_TIME_SHARE, "S1"));
        assertEquals(Optional.empty(), r.rank(Ranked.ON_TIME_SHARE, "H1"));
        assertEquals(Optional.empty(), r.rank(Ranked.ON_TIME_SHARE, "NOPE"), "an unknown unit is not ranked");

        assertEquals(Optional.of(new Rank(1, 2)), r.rank(Ranked.PAKN_PROCESSED_SHARE, "H1"), "19/20 and 38/40 are both 95%: tied");
        assertEquals(Optional.of(new Rank(1, 2)), r.rank(Ranked.PAKN_PROCESSED_SHARE, "H2"));
        assertEquals(Optional.empty(), r.rank(Ranked.PAKN_PROCESSED_SHARE, "S1"), "not a locality");
    }

    @Test
    void idsAreThoseOfIndicatorsCsv() {
        assertEquals(List.of("edoc.rate", "dvc.online_service_share", "dvc.online_dossier_share", "dvc.on_time_share",
                "pakn.processed_share"), List.of(Ranked.values()).stream().map(Ranked::id).toList());
    }
}
