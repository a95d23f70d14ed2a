package eu.selfdata.energywater.reading;

import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** The two lines an Enedis export starts with: the names of its fields, then their values. */
record EnedisHeader(String prm, EnedisData data, String unit, int shift, OptionalInt stepMinutes) {

    private static final Pattern PRM = Pattern.compile("\\d{14}");
    private static final Set<Integer> STEPS = Set.of(10, 15, 30, 60);

    static void requirePrm(String prm) {
        if (prm == null || !PRM.matcher(prm).matches()) {
            throw new IllegalArgumentException("a PRM is 14 digits");
        }
    }

    static EnedisHeader read(CsvRows rows, String expectedPrm) {
        CsvRows.Row names = rows.next();
        if (names == null) {
            throw new BadReadingFile(0, "the file is empty");
        }
        Columns columns = new Columns(names);
        int prmColumn = columns.require("Identifiant PRM", Columns.named("Identifiant PRM"));
        int typeColumn = columns.require("Type de donnees", Columns.named("Type de donnees"));
        OptionalInt unitColumn = columns.find(Columns.named("Unite"));
        OptionalInt stepColumn = columns.find(Columns.named("Pas en minutes"));
        CsvRows.Row values = rows.next();
        if (values == null) {
            throw new BadReadingFile(names.line() + 1, "the header's values are missing");
        }
        columns.checkWidth(values);
        long line = values.line();
        String prm = values.cell(prmColumn);
        if (!PRM.matcher(prm).matches()) {
            throw new BadReadingFile(line, "the PRM is not 14 digits");
        }
        if (!prm.equals(expectedPrm)) {
            // the last 4 digits tell the citizen which meter, the rest would identify a home
            throw new BadReadingFile(
                    line,
                    "the file is for the meter ending in " + prm.substring(10) + ", not the one ending in "
                            + expectedPrm.substring(10));
        }
        EnedisData data = EnedisData.of(values.cell(typeColumn))
                .orElseThrow(() -> new BadReadingFile(
                        line, "unknown type of data '" + Quantities.shortened(values.cell(typeColumn)) + "'"));
        String unit =
                unitColumn.isPresent() && !values.cell(unitColumn.getAsInt()).isEmpty()
                        ? values.cell(unitColumn.getAsInt())
                        : data.unit();
        int shift = data.shift(line, unit);
        if (data != EnedisData.LOAD_CURVE) {
            return new EnedisHeader(prm, data, unit, shift, OptionalInt.empty());
        }
        String step = stepColumn.isPresent() ? values.cell(stepColumn.getAsInt()) : "";
        if (!step.matches("\\d{1,2}") || !STEPS.contains(Integer.parseInt(step))) {
            throw new BadReadingFile(
                    line, "step of '" + Quantities.shortened(step) + "' minutes: a load curve's is 10, 15, 30 or 60");
        }
        return new EnedisHeader(prm, data, unit, shift, OptionalInt.of(Integer.parseInt(step)));
    }
}
