package eu.selfdata.energywater.reading;

/** Where a parser streams what it reads, row by row, so that no file is ever held whole. */
public interface ReadingSink {

    void daily(DailyUse use);

    default void curve(CurvePoint point) {
        throw new BadReadingFile(0, "this source gives no load curve");
    }

    default void maxPower(MaxPower power) {
        throw new BadReadingFile(0, "this source gives no maximum power");
    }
}
