package eu.selfdata.usecase.test;

import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CitizenMail;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The host's mail to citizens, kept in memory: what a module asked to send, to whom, with which texts. */
public class TestMail implements CitizenMail {

    /** One mail a module asked for. */
    public record Sent(CitizenId citizen, String subjectKey, String bodyKey, List<Object> arguments) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public Outcome send(CitizenId citizen, String subjectKey, String bodyKey, Object... arguments) {
        sent.add(new Sent(citizen, subjectKey, bodyKey, List.of(arguments)));
        return Outcome.SENT;
    }

    public List<Sent> sentTo(CitizenId citizen) {
        return sent.stream().filter(mail -> mail.citizen().equals(citizen)).toList();
    }
}
