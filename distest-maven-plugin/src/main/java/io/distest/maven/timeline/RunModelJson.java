package io.distest.maven.timeline;

import io.distest.maven.timeline.RunModel.Bar;
import io.distest.maven.timeline.RunModel.Lane;
import io.distest.maven.timeline.RunModel.Summary;
import java.util.List;
import java.util.Locale;

/** Writes a {@link RunModel} as the JSON of {@code run.json}: field names as the records', kinds and outcomes in lower case. */
public final class RunModelJson {
    /** Raised when a field is added, renamed or changes meaning. */
    public static final int VERSION = 1;

    private final StringBuilder out = new StringBuilder(4096);

    private RunModelJson() {}

    /** The model as one JSON object. */
    public static String write(RunModel model) {
        RunModelJson json = new RunModelJson();
        json.model(model);
        return json.out.toString();
    }

    private void model(RunModel model) {
        out.append("{\"version\":").append(VERSION);
        field("title").string(model.title());
        field("summary");
        summary(model.summary());
        field("lanes").out.append('[');
        List<Lane> lanes = model.lanes();
        for (int i = 0; i < lanes.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n");
            lane(lanes.get(i));
        }
        out.append(']');
        field("slowest");
        bars(model.slowest());
        out.append("}\n");
    }

    private void summary(Summary s) {
        out.append("{\"wallMillis\":").append(s.wallMillis());
        field("workers").out.append(s.workers());
        field("testMillis").out.append(s.testMillis());
        field("idealMillis").out.append(s.idealMillis());
        field("efficiencyPercent").out.append(s.efficiencyPercent());
        field("startupMillis").out.append(s.startupMillis());
        field("firstTestMillis").out.append(s.firstTestMillis());
        field("criticalWorker").string(s.criticalWorker());
        field("criticalLabel").string(s.criticalLabel());
        field("bounded").out.append(s.bounded());
        out.append('}');
    }

    private void lane(Lane lane) {
        out.append("{\"id\":");
        string(lane.id());
        field("spec").string(lane.spec());
        field("group").string(lane.group());
        field("host").string(lane.host());
        field("platform").string(lane.platform());
        field("idleMillis").out.append(lane.idleMillis());
        field("last").out.append(lane.last());
        field("bars");
        bars(lane.bars());
        out.append('}');
    }

    private void bars(List<Bar> bars) {
        out.append('[');
        for (int i = 0; i < bars.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            bar(bars.get(i));
        }
        out.append(']');
    }

    private void bar(Bar bar) {
        out.append("{\"kind\":");
        string(bar.kind().name().toLowerCase(Locale.ROOT));
        field("startMillis").out.append(bar.startMillis());
        field("endMillis").out.append(bar.endMillis());
        field("label").string(bar.label());
        field("unitId").out.append(bar.unitId());
        field("tests").out.append(bar.tests());
        field("outcome").string(bar.outcome() == null ? null : bar.outcome().css());
        field("millis").out.append(bar.millis());
        field("expectedMillis").out.append(bar.expectedMillis());
        field("restOf").out.append(bar.restOf());
        field("rerun").out.append(bar.rerun());
        field("note").string(bar.note());
        field("critical").out.append(bar.critical());
        out.append('}');
    }

    private RunModelJson field(String name) {
        out.append(",\"").append(name).append("\":");
        return this;
    }

    private void string(String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // '<' escaped too: the JSON is embedded in the page's <script> element, where "</script>" would end it
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
