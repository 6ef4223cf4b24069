package vn.bantin.report;

import static vn.bantin.report.TemplateField.Type.BOOLEAN;
import static vn.bantin.report.TemplateField.Type.DOUBLE;
import static vn.bantin.report.TemplateField.Type.INTEGER;
import static vn.bantin.report.TemplateField.Type.LONG;
import static vn.bantin.report.TemplateField.Type.STRING;

import java.util.List;
import java.util.Optional;

import vn.bantin.report.BulletinFields.Group;

/**
 * Every parameter the program passes to the templates of each bulletin, and every field of the rows of a list
 * parameter: its name, type, what null means and what it is. {@link ProvinceParameters} and {@link UnitParameters}
 * put their values through {@link Parameters}, which refuses anything not declared here, and the tests hold the
 * templates to it; templates/PARAMETERS.md is printed from it ({@code templates fields}). So the reference for the
 * template editors cannot drift from the program: to add or change a parameter, change it here first.
 */
public final class FieldCatalogue {

    private static final String NO_TARGET = "no target is set";
    private static final String NO_FIGURE = "no data";
    private static final String MET = "`Đạt`, `Chưa đạt`, or `—` when not judged (labels `met.*`)";

    private static final Group HEADER = new Group("Header and period", List.of(
            text("orgParent", "the issuing body's superior, first line of the header, e.g. `UBND TỈNH BẮC NINH` (config `org.parent`)"),
            text("orgName", "the issuing body, e.g. `SỞ THÔNG TIN VÀ TRUYỀN THÔNG` (config `org.name`)"),
            text("docNumber", "the document number, e.g. `Số: 05/BC-SKHCN` (config `org.doc-number`, its `{number}`,"
                    + " `{type}`, `{year}` and `{period}` filled in; `{number}` is a blank for the clerk unless"
                    + " `org.doc-number.running=true`, and in the unit bulletins)"),
            text("docType", "the document type's abbreviation: `BC` (BÁO CÁO), `TB` (THÔNG BÁO) or `BT` (BẢN TIN);"
                    + " the type line prints the label `doctype.<it>`, `report.title` for `BT` (config `org.doc-type`)"),
            text("place", "where it is issued, e.g. `Bắc Ninh` (config `org.place`; empty when not set)"),
            text("issueDay", "day of issue, two digits, e.g. `05`"),
            text("issueMonth", "month of issue, two digits, e.g. `01`"),
            text("issueYear", "year of issue, e.g. `2023`"),
            text("provinceName", "the province as a sentence names it, e.g. `tỉnh Bắc Ninh` (config `org.province-name`)"),
            text("periodLabel", "the period, e.g. `năm 2022`, `tháng 12/2022`, `quý IV/2022`, `từ 01/01/2022 đến 30/06/2022`"),
            text("periodStart", "first day of the period, e.g. `01/01/2022`"),
            text("periodEnd", "last day of the period, e.g. `31/12/2022`"),
            text("dataReadAt", "when the exports were read, e.g. `05/01/2023 07:30`"),
            text("signatoryAuthority", "the line above the signer's title when signing on another's behalf, e.g. `KT. GIÁM ĐỐC`"
                    + " (config `org.signatory.authority`)").orNull("nobody signs on another's behalf"),
            text("signatoryTitle", "the signer's title, e.g. `PHÓ GIÁM ĐỐC` (config `org.signatory.title`)")
                    .orNull("no title is configured"),
            text("signatoryName", "the signer's name (config `org.signatory.name`)")
                    .orNull("no name is configured (the bulletin is signed by hand)"),
            text("distribution", "who receives a copy (Nơi nhận): one line per recipient, `- ` and the name, lines"
                    + " separated by a line break and ended by `;` as Decree 30 has it (config `org.distribution`)").orNull("no distribution list is configured"),
            TemplateField.of("signatureImage", TemplateField.Type.IMAGE, "the signer's signature, a transparent PNG"
                    + " (config `org.signature-image`)").orNull("no signature image is configured"),
            TemplateField.of("sealImage", TemplateField.Type.IMAGE, "the seal, a transparent PNG (config `org.seal-image`)")
                    .orNull("no seal image is configured"),
            text("signedBy", "the agency on the signing line, e.g. `SỞ KHOA HỌC VÀ CÔNG NGHỆ, UBND TỈNH BẮC NINH`")
                    .orNull("neither image is configured"),
            text("signedAt", "the time on the signing line, ISO 8601 in Vietnam's time, e.g. `2026-12-01T09:30:00+07:00`")
                    .orNull("neither image is configured")));

    private static final Group DATA_QUALITY = new Group("Data quality", List.of(
            TemplateField.rows("dataQuality", "one row per export read, for the data note",
                    text("source", "the export's file name, e.g. `documents.csv`"),
                    text("system", "the platform it comes from, e.g. `Hệ thống Quản lý văn bản và điều hành` (labels `source.<file>.system`)"),
                    count("rowsRead", "rows read"),
                    count("rowsCounted", "rows counted"),
                    count("rowsRejected", "rows rejected (listed in rejects.csv)"),
                    text("statusText", "`Đầy đủ` when no row was rejected, else `Có dòng bị loại` (labels `quality.*`)")),
            count("rejectedTotal", "rows rejected, all exports together")));

    private static final Group SHAPE = new Group("Shape of the province and wording", List.of(
            bool("twoLevel", "the units have no district (the two-level shape since 07/2025): sentences and charts"
                    + " leave the district level out"),
            bool("newLevels", "the online services are named as Decree 42/2022 does (`một phần`, `toàn trình`) rather"
                    + " than `mức độ 3, 4`: true when some row of procedures.csv names its level `none`, `partial` or `full`")));

    private static final TemplateField UNIT_LEVEL = text("levelName", "the unit's level, e.g. `Cấp tỉnh` (labels `level.*`)");
    private static final TemplateField UNIT_CODE = text("unitCode", "the unit's code in units.csv, e.g. `SXD`");
    private static final TemplateField UNIT_NAME = text("unitName", "the unit's name, e.g. `Sở Xây dựng`");
    private static final TemplateField LEVEL = text("levelName", "the level, e.g. `Cấp huyện` (labels `level.*`)");

    public static final BulletinFields PROVINCE = new BulletinFields("province", "Province bulletin",
            "Built by `src/main/java/vn/bantin/report/ProvinceParameters.java` from the figures of the period.",
            List.of(JasperRenderer.PROVINCE_TEMPLATE, JasperRenderer.WORKBOOK_FOLDER + "/*.jrxml"),
            List.of(HEADER, SHAPE, edoc(), dvc(), pakn(), d766(), DATA_QUALITY, workbook()));

    public static final BulletinFields UNIT = new BulletinFields("unit", "Unit bulletin",
            "Built by `src/main/java/vn/bantin/report/UnitParameters.java` for one unit (a department, district or"
                    + " commune), from the figures of the period, of the period before and of the same period a year"
                    + " earlier.",
            List.of(JasperRenderer.UNIT_TEMPLATE, JasperRenderer.UNIT_WORKBOOK_FOLDER + "/*.jrxml"),
            List.of(HEADER, unit(), unit766(), locality(), provinceHeadline(), DATA_QUALITY));

    public static final List<BulletinFields> ALL = List.of(PROVINCE, UNIT);

    private FieldCatalogue() {
    }

    private static Group d766() {
        return new Group("4. Decision 766/QĐ-TTg", List.of(
                bool("d766Shown", "the exports carry Decision 766 columns: the section prints (false: the 2022-style bulletin)"),
                text("d766Lead", "the official total with its band and the national rank, the local total beside it, e.g."
                        + " `… đạt 73,59/100 điểm, xếp loại Khá, xếp hạng 4 toàn quốc; điểm tính từ dữ liệu của tỉnh 54,97/74"
                        + " (quy đổi 74,28/100), xếp loại Khá.` (labels `d766.lead*`)").orNull("no 766 column"),
                TemplateField.rows("d766Groups", "the six groups and the total for the province, in the portal's order",
                        text("groupName", "the group, e.g. `Tiến độ, kết quả giải quyết`, or `Tổng điểm`"),
                        text("officialText", "the official score/max, e.g. `16,95/20`, or `chưa có` (label"
                                + " `d766.official.none`)"),
                        text("localText", "the local group value on the official scale, e.g. `17,07/20`; `chỉ có trên"
                                + " Cổng DVCQG` for công khai, or the no-data wording"),
                        text("deltaText", "official − local, signed, e.g. `-0,12`").orNull("either side is missing"),
                        text("note", "the group's official-only items, e.g. `Gồm chỉ số chỉ có trên Cổng DVCQG: 5.3`")
                                .orNull("the group has none"),
                        text("chartLabel", "the group's short name under the chart's bars, e.g. `Tiến độ` (labels `d766.short.*`)"),
                        number("officialPercent", "the official score in percent of its maximum, 0–100, for the chart")
                                .orNull("no official score"),
                        number("localPercent", "the local value in percent of the attainable points, 0–100, for the chart")
                                .orNull("no local figure")),
                TemplateField.rows("d766Units", "every measured unit, by level then local rank",
                        LEVEL,
                        text("rankText", "the rank within the level, e.g. `3`, or `—` without a total"),
                        UNIT_NAME,
                        text("totalText", "the local total on 100, e.g. `86,93`, or the no-data wording"),
                        text("bandText", "the band of the local total, e.g. `Tốt`, or `—`"),
                        text("changeText", "change of the local total since the previous period, signed, e.g. `+1,20`,"
                                + " or `—` when the previous period has no figure"),
                        text("officialText", "the official total on 100 and the official rank, e.g. `91,70 (2)`, or `—`")),
                TemplateField.rows("d766Lost", "the five units that lose most points, most first",
                        UNIT_NAME,
                        text("lostText", "points lost of the attainable maximum, e.g. `23,41`"),
                        text("itemsText", "the three items that cost most, with their counts, e.g. `2.1: 28 trong 140 hồ sơ"
                                + " trễ hạn, mất 4,00 điểm` (labels `d766.item.*`)")),
                text("d766Reconciliation", "the scopes whose official and local scores differ by more than `766.tolerance`,"
                        + " one per line, with the groups, Δ and the items that lost points; or that none differ, or that"
                        + " there are no official scores (labels `d766.reconciliation*`, `d766.official.*`)")
                        .orNull("no 766 column"),
                text("d766Quality", "the 766 data note: missing columns, dossiers without a due date, feedback processed"
                        + " without a date, provisional figures (labels `d766.quality.*`)").orNull("no 766 column"),
                TemplateField.rows("d766Sheet", "the workbook's 766 sheet: the province, then every measured unit by level"
                        + " then local rank (empty without 766 columns, and the sheet is left out)",
                        Decision766Sheet.fields(UNIT_LEVEL, UNIT_CODE, UNIT_NAME).toArray(TemplateField[]::new))));
    }

    private static Group unit766() {
        return new Group("Decision 766/QĐ-TTg (unit)", List.of(
                bool("d766Shown", "the exports carry Decision 766 columns and the unit has a score: the lead prints"),
                text("d766Lead", "the unit's official total, band and rank beside its local total, band and rank within"
                        + " its level (labels `d766.unit.lead`, `d766.lead*`)").orNull("no 766 score for the unit"),
                text("d766Weak", "its three weakest items with the dossiers behind them, e.g. `2.1: 28 trong 140 hồ sơ trễ"
                        + " hạn, mất 4,00 điểm` (labels `d766.unit.weak`, `d766.item.*`)").orNull("no 766 score for the unit"),
                text("d766Predecessors", "the units of before the 2025 reorganisation whose records its comparisons take,"
                        + " e.g. `Số liệu năm trước gộp từ: XC25-00001, XC25-00002.`").orNull("not a merged unit")));
    }

    /** The bulletin of that name ({@code province} or {@code unit}). */
    public static Optional<BulletinFields> bulletin(String name) {
        return ALL.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    private static Group edoc() {
        return new Group("1. Electronic documents", List.of(
                text("edocProvinceMean", "mean e-document rate of the province-level units (departments), e.g. `93,78%`")
                        .orNull("no unit of the level has a figure"),
                text("edocDistrictMean", "the same for the districts").orNull("no unit of the level has a figure"),
                text("edocCommuneMean", "the same for the communes").orNull("no unit of the level has a figure"),
                text("edocProvinceTarget", "the province level's target, e.g. `90%` (config `target.edoc.rate.province`)")
                        .orNull(NO_TARGET),
                text("edocDistrictTarget", "the district level's target, e.g. `80%`").orNull(NO_TARGET),
                text("edocCommuneTarget", "the commune level's target, e.g. `60%`").orNull(NO_TARGET),
                bool("edocProvinceMet", "the province level's mean meets its target").orNull("no figure or no target"),
                bool("edocDistrictMet", "the district level's mean meets its target").orNull("no figure or no target"),
                bool("edocCommuneMet", "the commune level's mean meets its target").orNull("no figure or no target"),
                text("edocProvinceMetText", "whether the province level's mean meets its target: " + MET),
                text("edocDistrictMetText", "the same for the district level"),
                text("edocCommuneMetText", "the same for the commune level"),
                bool("edocAllLevelsMet", "every level with a figure and a target meets it (true when none is judged)"),
                integer("edocBelowTargetCount", "how many units are below their level's target"),
                text("edocBelowTargetNames", "those units, by level then name, a commune with its district, e.g. `Sở Y tế;"
                        + " UBND huyện Tiên Du; UBND xã Ninh Xá, huyện Thuận Thành` (label `edoc.zeroUnit`)")
                        .orNull("no unit is below target"),
                text("edocZeroNames", "units at 0% with documents to process, each with the place it is in, e.g."
                        + " `UBND xã Ninh Xá, huyện Thuận Thành` (labels `edoc.zeroUnit`, `place.bodyPrefix`), the last"
                        + " two joined by ` và ` (labels `list.tieSeparator`, `list.tieLast`)")
                        .orNull("no unit is at 0%"),
                TemplateField.rows("edocUnits", "the e-document table: one row per unit, by level then name",
                        UNIT_LEVEL, UNIT_CODE, UNIT_NAME,
                        count("incoming", "documents to process, the rate's denominator: incoming documents (outgoing"
                                + " ones with config `edoc.denominator=outgoing`)"),
                        count("qualifying", "outgoing documents signed from a work dossier, the rate's numerator"),
                        number("rate", "the rate in percent, 0–100").orNull("no document to process"),
                        text("rateText", "the rate, e.g. `93,78%`, or the no-data wording"),
                        number("target", "the level's target in percent, 0–100").orNull(NO_TARGET),
                        text("targetText", "the target, e.g. `90%`").orNull(NO_TARGET),
                        bool("met", "the rate meets the target").orNull("no rate or no target"),
                        text("metText", MET)),
                TemplateField.rows("edocLevels", "one row per level, for the chart",
                        LEVEL,
                        number("mean", "the level's mean rate in percent, 0–100").orNull("no unit of the level has a figure"),
                        number("target", "the level's target in percent, 0–100").orNull(NO_TARGET))));
    }

    private static Group dvc() {
        return new Group("2. Online public services", List.of(
                text("dvcServiceShare", "share of procedures offered online (level 3, 4), province-wide, e.g. `68,5%`")
                        .orNull("no procedure"),
                text("dvcServiceTarget", "its target, e.g. `80%` (config `target.dvc.online_service_share`)").orNull(NO_TARGET),
                text("dvcDossierShare", "share of dossiers received online, province-wide, e.g. `27,29%`").orNull("no dossier"),
                text("dvcDossierTarget", "its target, e.g. `50%` (config `target.dvc.online_dossier_share`)").orNull(NO_TARGET),
                text("dvcServiceMetText", "whether the online-service share meets its target: " + MET),
                text("dvcDossierMetText", "whether the online-dossier share meets its target: " + MET),
                text("dvcDossierShareProvinceLevel", "share of dossiers received online by the province-level units, e.g."
                        + " `69,8%`").orNull("no dossier at the level"),
                text("dvcDossierShareDistrictLevel", "the same for the districts, e.g. `6,67%`").orNull("no dossier at the level"),
                text("dvcDossierShareCommuneLevel", "the same for the communes").orNull("no dossier at the level"),
                text("dvcOnTimeShare", "share of dossiers with a due date finished on time, e.g. `97,46%`")
                        .orNull("no dossier with a due date finished"),
                text("dvcBothCount", "how many units meet both online targets, two digits as the summary writes it, e.g. `05`"),
                text("dvcBothNames", "those units, e.g. `Ban Quản lý An toàn thực phẩm; Sở Thông tin và Truyền thông`")
                        .orNull("no unit meets both"),
                TemplateField.rows("dvcUnits", "the online-services table: one row per unit, by level then name",
                        UNIT_LEVEL, UNIT_CODE, UNIT_NAME,
                        count("procedures", "procedures the unit handles"),
                        count("onlineProcedures", "of those, offered online (level 3, 4)"),
                        number("serviceShare", "their share in percent, 0–100").orNull("no procedure"),
                        text("serviceShareText", "the share, e.g. `91,67%`, or the no-data wording"),
                        count("dossiers", "dossiers received"),
                        count("onlineDossiers", "of those, received online"),
                        number("dossierShare", "their share in percent, 0–100").orNull("no dossier"),
                        text("dossierShareText", "the share, or the no-data wording"),
                        number("onTimeShare", "share of dossiers with a due date finished on time, in percent, 0–100")
                                .orNull("no dossier with a due date finished"),
                        text("onTimeShareText", "that share, or the no-data wording"),
                        bool("bothMet", "the unit meets both online targets"),
                        text("bothMetText", "`Đạt` or `Chưa đạt`")),
                TemplateField.rows("dvcLevels", "one row per level, for the chart",
                        LEVEL,
                        number("dossierShare", "share of dossiers received online, in percent, 0–100").orNull("no dossier"),
                        number("onTimeShare", "share finished on time, in percent, 0–100")
                                .orNull("no dossier with a due date finished"))));
    }

    private static Group pakn() {
        String noLocality = "no locality received any";
        return new Group("3. Citizens' feedback (PAKN)", List.of(
                text("paknReceived", "feedback received, e.g. `1.724`"),
                text("paknProcessed", "of which processed, e.g. `1.541`"),
                text("paknProcessedShare", "share processed, e.g. `89,39%`").orNull("nothing received"),
                text("paknMostNames", "the locality that received most, named as a place (label `place.bodyPrefix`),"
                        + " ties joined as `a, b và c`, e.g. `thành phố Bắc Ninh`")
                        .orNull(noLocality),
                text("paknMostCount", "how many it received, e.g. `921`").orNull(noLocality),
                text("paknFewestNames", "the locality that received fewest, e.g. `huyện Gia Bình`").orNull(noLocality),
                text("paknFewestCount", "how many it received, e.g. `21`").orNull(noLocality),
                text("paknHighestRateNames", "the locality with the highest share processed, e.g. `huyện Lương Tài`")
                        .orNull(noLocality),
                text("paknHighestRate", "that share, e.g. `100%`").orNull(noLocality),
                text("paknLowestRateNames", "the locality with the lowest share processed, e.g. `huyện Tiên Du`")
                        .orNull(noLocality),
                text("paknLowestRate", "that share, e.g. `64%`").orNull(noLocality),
                text("paknTopCategories", "the ten most frequent subjects, most frequent first, joined with `, ` (with `; ` when a"
                        + " subject's name holds a comma), without a catch-all"
                        + " such as `Khác` (label `pakn.topics.exclude`), e.g."
                        + " `Rác thải, Chất thải, Vỉa hè lề đường`").orNull("no feedback received"),
                text("paknRatingMean", "mean satisfaction rating (points out of 5), e.g. `3,04`").orNull("no rating"),
                text("paknBestRatingNames", "the locality with the best mean rating, e.g. `huyện Gia Bình`")
                        .orNull("no locality was rated"),
                text("paknBestRating", "that rating, e.g. `3,4`").orNull("no locality was rated"),
                TemplateField.rows("paknLocalities", "the feedback table: one row per locality",
                        text("localityName", "the locality, named as a place, e.g. `huyện Gia Bình`"),
                        count("received", "feedback received"),
                        count("processed", "of which processed"),
                        number("processedShare", "share processed, in percent, 0–100").orNull("nothing received"),
                        text("processedShareText", "that share, e.g. `95,24%`, or the no-data wording"),
                        number("ratingMean", "mean satisfaction rating, points out of 5").orNull("no rating"),
                        text("ratingMeanText", "that rating, e.g. `3,4`, or the no-data wording")),
                TemplateField.rows("paknCategories", "the ten most frequent subjects, most frequent first, as paknTopCategories",
                        integer("rank", "1 for the most frequent"),
                        text("category", "the subject, e.g. `Rác thải`"),
                        count("count", "feedback on that subject"))));
    }

    private static Group workbook() {
        return new Group("Workbook summary sheet", List.of(
                TemplateField.rows("summaryRows", "one row per figure of the summary sheet",
                        text("groupName", "the indicator's group, e.g. `Xử lý văn bản điện tử` (labels `group.*`)"),
                        text("indicatorName", "the indicator, e.g. `Tỷ lệ hồ sơ giải quyết trực tuyến` (labels `indicator.*`)"),
                        text("scopeName", "`Toàn tỉnh` or a level's name"),
                        number("value", "the figure: a percentage as a fraction 0–1 when isPercent, else the number itself")
                                .orNull(NO_FIGURE),
                        bool("isPercent", "the figure is a percentage (format the cell as one)"),
                        number("target", "the target as a fraction 0–1").orNull(NO_TARGET),
                        text("metText", MET))));
    }

    private static Group unit() {
        return new Group("The unit", List.of(
                UNIT_NAME,
                UNIT_CODE,
                UNIT_LEVEL,
                text("levelPhrase", "the level for sentences and the rank column's title, e.g. `cấp xã` (labels `unit.level.*`)"),
                text("parentName", "the unit's superior, e.g. `UBND huyện Thuận Thành`").orNull("the unit has none"),
                text("parentPlace", "the place the unit is in, its superior named as a place, e.g. `huyện Thuận Thành`"
                        + " (label `place.bodyPrefix`)").orNull("the unit has none"),
                text("previousPeriodLabel", "the period before, e.g. `tháng 11/2022` (named even when it has no data)"),
                text("yearAgoPeriodLabel", "the same period a year earlier, e.g. `tháng 12/2021` (named even when it has no data)"),
                text("headline", "the first line, e.g. `Sở Xây dựng: 3/3 chỉ tiêu đạt; xếp thứ 1/20 cấp tỉnh về xử lý văn bản"
                        + " điện tử.`"),
                text("notMetText", "the targets missed, e.g. `Chỉ tiêu chưa đạt: tỷ lệ hồ sơ giải quyết trực tuyến đạt 2,13%"
                        + " (chỉ tiêu 50%).`").orNull("no target judged is missed"),
                integer("targetsJudged", "indicators with both a figure and a target"),
                integer("targetsMet", "of those, the ones met"),
                TemplateField.rows("unitFigures", "one row per indicator, in the order `edoc.rate`,"
                        + " `dvc.online_service_share`, `dvc.online_dossier_share`, `dvc.on_time_share`, and"
                        + " `pakn.processed_share` when the unit is a feedback locality",
                        text("indicatorId", "the indicator, e.g. `edoc.rate`"),
                        text("indicatorName", "its name (labels `unit.indicator.*`)"),
                        number("value", "the unit's figure this period, in percent, 0–100").orNull(NO_FIGURE),
                        text("valueText", "that figure, e.g. `59,76%`, or the no-data wording"),
                        number("target", "the target, in percent, 0–100").orNull(NO_TARGET),
                        text("targetText", "the target, e.g. `50%`").orNull(NO_TARGET),
                        bool("met", "the figure meets the target").orNull("no figure or no target"),
                        text("metText", MET),
                        integer("rank", "position among the units of its level with a figure (for feedback, among the"
                                + " localities); 1 = highest, ties share a rank").orNull("no figure"),
                        integer("rankOf", "how many units were ranked").orNull("no figure"),
                        text("rankText", "the rank, e.g. `8/19`").orNull("no figure"),
                        number("previousValue", "the figure of the period before, in percent").orNull(NO_FIGURE),
                        number("yearAgoValue", "the figure a year earlier, in percent").orNull(NO_FIGURE),
                        number("changePrev", "change since the period before, in percentage points, unrounded")
                                .orNull("either figure is missing"),
                        text("changePrevText", "that change, e.g. `+2,22 điểm %`, `−0,8 điểm %`, `không đổi`")
                                .orNull("either figure is missing"),
                        number("changeYear", "change since a year earlier, in percentage points, unrounded")
                                .orNull("either figure is missing"),
                        text("changeYearText", "that change, worded like changePrevText").orNull("either figure is missing"))));
    }

    private static Group locality() {
        String notLocality = "the unit is not a feedback locality";
        return new Group("Feedback of a locality", List.of(
                bool("paknLocality", "the unit is a feedback locality (this period, the period before or a year earlier)"),
                text("localityReceived", "feedback it received this period, e.g. `3` (`0` when none)").orNull(notLocality),
                text("localityProcessed", "of which processed, e.g. `2`").orNull(notLocality),
                text("localityProcessedShare", "share processed, e.g. `66,67%`")
                        .orNull("not a feedback locality, or nothing received this period"),
                text("localityRatingMean", "mean satisfaction rating, e.g. `3,4`")
                        .orNull("not a feedback locality, or no rating this period")));
    }

    private static Group provinceHeadline() {
        return new Group("The province's headline", List.of(
                text("provinceEdocLevelMean", "the province's mean e-document rate of the unit's level, e.g. `99,11%`")
                        .orNull("no unit of the level has a figure"),
                text("provinceEdocLevelTarget", "that level's target, e.g. `90%`").orNull(NO_TARGET),
                bool("provinceEdocLevelMet", "that mean meets the target").orNull("no figure or no target"),
                text("provinceDossierShare", "share of dossiers received online, province-wide, e.g. `31,61%`")
                        .orNull("no dossier"),
                text("provinceDossierTarget", "its target, e.g. `50%`").orNull(NO_TARGET),
                bool("provinceDossierMet", "that share meets the target").orNull("no figure or no target"),
                text("provincePaknProcessedShare", "share of feedback processed, province-wide, e.g. `65,64%`")
                        .orNull("nothing received")));
    }

    static TemplateField text(String name, String meaning) {
        return TemplateField.of(name, STRING, meaning);
    }

    private static TemplateField bool(String name, String meaning) {
        return TemplateField.of(name, BOOLEAN, meaning);
    }

    static TemplateField integer(String name, String meaning) {
        return TemplateField.of(name, INTEGER, meaning);
    }

    private static TemplateField count(String name, String meaning) {
        return TemplateField.of(name, LONG, meaning);
    }

    static TemplateField number(String name, String meaning) {
        return TemplateField.of(name, DOUBLE, meaning);
    }
}
