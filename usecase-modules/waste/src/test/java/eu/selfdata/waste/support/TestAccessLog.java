package eu.selfdata.waste.support;

import eu.selfdata.usecase.api.AccessLog;
import eu.selfdata.usecase.api.Accessor;
import eu.selfdata.usecase.api.CitizenId;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Access-log entries recorded during a test. */
public class TestAccessLog implements AccessLog {

    public record Entry(CitizenId citizen, Accessor accessor, String categoryId, String reason) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(CitizenId citizen, Accessor accessor, String categoryId, String reason) {
        entries.add(new Entry(citizen, accessor, categoryId, reason));
    }

    public List<Entry> of(CitizenId citizen) {
        return entries.stream().filter(entry -> entry.citizen().equals(citizen)).toList();
    }
}
