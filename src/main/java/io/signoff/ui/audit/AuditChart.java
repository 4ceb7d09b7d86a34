package io.signoff.ui.audit;

import io.signoff.audit.AuditFilter;
import io.signoff.audit.DailyCount;
import io.signoff.model.Outcome;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;

/** Actions per UTC day, stacked by outcome, over the days the chart filter covers. */
final class AuditChart {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    /** Rows are counted in whole numbers: "0", "1,200"; a tick between two whole numbers stays unlabelled. */
    private static final javafx.util.StringConverter<Number> WHOLE_COUNTS = new javafx.util.StringConverter<>() {
        @Override
        public String toString(Number n) {
            double v = n.doubleValue();
            return v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%,d", (long) v) : "";
        }

        @Override
        public Number fromString(String s) {
            return Long.parseLong(s.replace(",", ""));
        }
    };

    private final CategoryAxis days = new CategoryAxis();
    private final NumberAxis counts = new NumberAxis();
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(days, counts);

    AuditChart() {
        chart.setId("audit-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setLegendSide(javafx.geometry.Side.RIGHT); // below the plot it needs more height than the chart has
        chart.setPrefHeight(190);
        chart.setMinHeight(170);
        chart.setCategoryGap(2);
        chart.getStyleClass().add("audit-chart");
        counts.setMinorTickVisible(false);
        counts.setForceZeroInRange(true);
        counts.setTickLabelFormatter(WHOLE_COUNTS);
    }

    Node node() { return chart; }

    /** @param range the filter the counts were taken over (its from/to are set: see AuditController.chartRange) */
    void show(List<DailyCount> dailyCounts, AuditFilter range) {
        LocalDate firstDay = LocalDate.ofInstant(range.from(), ZoneOffset.UTC);
        LocalDate endDay = LocalDate.ofInstant(range.to(), ZoneOffset.UTC);
        // One series per outcome, always in the same order, so each outcome keeps its colour.
        Map<Outcome, Map<String, Long>> perOutcome = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) perOutcome.put(o, new HashMap<>());
        for (DailyCount c : dailyCounts) perOutcome.get(c.outcome()).put(DAY.format(c.day()), c.count());
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(o.slug());
            for (LocalDate d = firstDay; d.isBefore(endDay); d = d.plusDays(1)) {
                Long count = perOutcome.get(o).get(DAY.format(d));
                // The first series lists every day (zero-height where empty): the axis then shows all days in
                // order while keeping auto-ranging, which turns the labels when they crowd.
                if (count != null || o.ordinal() == 0) s.getData().add(new XYChart.Data<>(DAY.format(d), count == null ? 0 : count));
            }
            series.add(s);
        }
        chart.getData().setAll(series);
    }
}
