package eu.selfdata.usecase.test;

import eu.selfdata.usecase.api.AccessLog;
import eu.selfdata.usecase.api.Accessor;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The access log as the host keeps it, in memory: each entry in the city that was in context when it was recorded. */
public class TestAccessLog implements AccessLog {

    private final CityDatabase context;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    public TestAccessLog(CityDatabase context) {
        this.context = context;
    }

    @Override
    public void record(CitizenId citizen, Accessor accessor, String categoryId, String reason) {
        entries.add(new Entry(context.city(), citizen, accessor, categoryId, reason));
    }

    public List<Entry> of(CitizenId citizen) {
        return entries.stream().filter(entry -> entry.citizen().equals(citizen)).toList();
    }

    public List<Entry> of(String city, CitizenId citizen) {
        return of(citizen).stream().filter(entry -> entry.city().equals(city)).toList();
    }

    public record Entry(String city, CitizenId citizen, Accessor accessor, String categoryId, String reason) {}
}
