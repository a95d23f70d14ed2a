package eu.selfdata.energywater.reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A sink that keeps what a parser gives it, in order. */
final class Collected implements ReadingSink {

    final List<DailyUse> daily = new ArrayList<>();
    final List<CurvePoint> curve = new ArrayList<>();
    final List<MaxPower> maxPower = new ArrayList<>();

    @Override
    public void daily(DailyUse use) {
        daily.add(use);
    }

    @Override
    public void curve(CurvePoint point) {
        curve.add(point);
    }

    @Override
    public void maxPower(MaxPower power) {
        maxPower.add(power);
    }

    Map<LocalDate, Long> wattHoursByDay() {
        Map<LocalDate, Long> byDay = new TreeMap<>();
        daily.forEach(use -> byDay.put(use.day(), use.wattHours().orElseThrow()));
        return byDay;
    }

    Map<LocalDate, Long> litresByDay() {
        Map<LocalDate, Long> byDay = new TreeMap<>();
        daily.forEach(use -> byDay.put(use.day(), use.litres().orElseThrow()));
        return byDay;
    }

    long totalWattHours() {
        return daily.stream().mapToLong(use -> use.wattHours().orElseThrow()).sum();
    }

    long totalLitres() {
        return daily.stream().mapToLong(use -> use.litres().orElseThrow()).sum();
    }

    /** How many curve steps start in each day, in Europe/Paris. */
    Map<LocalDate, Long> stepsByDay() {
        Map<LocalDate, Long> byDay = new TreeMap<>();
        curve.forEach(point -> byDay.merge(point.start().atZone(Horodates.PARIS).toLocalDate(), 1L, Long::sum));
        return byDay;
    }
}
