package eu.selfdata.energywater.importing;

import eu.selfdata.energywater.reading.CurvePoint;
import eu.selfdata.energywater.reading.DailyUse;
import eu.selfdata.energywater.reading.MaxPower;
import eu.selfdata.energywater.reading.ReadingSink;
import eu.selfdata.usecase.api.CitizenId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Takes what a parser reads and writes it in chunks, keyed so that a chunk never holds one day or step twice (an
 * upsert may touch a row once per statement); counts what it wrote and the span of days.
 */
class StoringSink implements ReadingSink {

    private final ReadingStore store;
    private final UUID meter;
    private final CitizenId citizen;
    private final String source;
    private final Map<LocalDate, DailyUse> days = new LinkedHashMap<>();
    private final Map<Instant, CurvePoint> steps = new LinkedHashMap<>();
    private final Map<LocalDate, MaxPower> powers = new LinkedHashMap<>();
    private int dailyWritten;
    private int curveWritten;
    private int powersWritten;
    private LocalDate first;
    private LocalDate last;

    StoringSink(ReadingStore store, UUID meter, CitizenId citizen, String source) {
        this.store = store;
        this.meter = meter;
        this.citizen = citizen;
        this.source = source;
    }

    @Override
    public void daily(DailyUse use) {
        days.put(use.day(), use);
        span(use.day());
        if (days.size() == ReadingStore.CHUNK) {
            flushDays();
        }
    }

    @Override
    public void curve(CurvePoint point) {
        steps.put(point.end(), point);
        if (steps.size() == ReadingStore.CHUNK) {
            flushSteps();
        }
    }

    @Override
    public void maxPower(MaxPower power) {
        powers.put(power.day(), power);
        span(power.day());
        if (powers.size() == ReadingStore.CHUNK) {
            flushPowers();
        }
    }

    /** Writes what is left; returns the counts of the whole import. */
    Written finish() {
        flushDays();
        flushSteps();
        flushPowers();
        return new Written(dailyWritten, curveWritten, powersWritten, first, last);
    }

    record Written(int days, int curveSteps, int maxPowerDays, LocalDate firstDay, LocalDate lastDay) {}

    private void span(LocalDate day) {
        first = first == null || day.isBefore(first) ? day : first;
        last = last == null || day.isAfter(last) ? day : last;
    }

    private void flushDays() {
        if (!days.isEmpty()) {
            dailyWritten += store.daily(meter, citizen, source, days.values());
            days.clear();
        }
    }

    private void flushSteps() {
        if (!steps.isEmpty()) {
            curveWritten += store.curve(meter, citizen, steps.values());
            steps.clear();
        }
    }

    private void flushPowers() {
        if (!powers.isEmpty()) {
            powersWritten += store.maxPower(meter, citizen, powers.values());
            powers.clear();
        }
    }
}
