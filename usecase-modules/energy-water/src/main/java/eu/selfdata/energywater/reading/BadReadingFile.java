package eu.selfdata.energywater.reading;

/** A file the citizen sent that cannot be read as it claims, with the line (1-based; 0 for the file as a whole). */
public class BadReadingFile extends RuntimeException {

    private final long line;

    public BadReadingFile(long line, String reason) {
        super(line > 0 ? "line " + line + ": " + reason : reason);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
