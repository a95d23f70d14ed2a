package eu.selfdata.waste.opendata;

import eu.selfdata.connectors.ConnectorInstance;
import eu.selfdata.connectors.ConnectorTemplate;
import eu.selfdata.connectors.DeadLetter;
import eu.selfdata.connectors.DeadLetters;
import eu.selfdata.connectors.outbound.OutboundException;
import eu.selfdata.connectors.outbound.OutboundHttp;
import eu.selfdata.connectors.settings.Setting;
import eu.selfdata.connectors.settings.SettingTypes;
import eu.selfdata.usecase.api.CityTransactions;
import eu.selfdata.waste.weighing.WasteStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.model.RouteDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code waste-collection-calendar}: polls the city's open-data API (Opendatasoft / CKAN style JSON,
 * records under {@code results}) for its collection calendar and keeps it in the city's schema,
 * replaced whole at each changed answer (an unchanged answer is skipped by its hash). Off until the
 * city admin gives the URL.
 */
public class CollectionCalendarTemplate extends ConnectorTemplate {

    public static final String ID = "waste-collection-calendar";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("lundi", DayOfWeek.MONDAY),
            Map.entry("mardi", DayOfWeek.TUESDAY),
            Map.entry("mercredi", DayOfWeek.WEDNESDAY),
            Map.entry("jeudi", DayOfWeek.THURSDAY),
            Map.entry("vendredi", DayOfWeek.FRIDAY),
            Map.entry("samedi", DayOfWeek.SATURDAY),
            Map.entry("dimanche", DayOfWeek.SUNDAY));

    static final Setting<URI> URL = Setting.required(
            "url",
            SettingTypes.publicUrl(),
            "Adresse de l'API open data du calendrier",
            "Open-data API address of the calendar");
    static final Setting<Duration> POLL = Setting.of(
            "pollInterval",
            SettingTypes.duration(Duration.ofMinutes(15), Duration.ofDays(7)),
            Duration.ofHours(6),
            "Intervalle de relève",
            "How often the calendar is read");
    static final Setting<String> STREET_FIELD =
            Setting.of("streetField", SettingTypes.fieldName(), "street", "Champ de la rue", "Street field");
    static final Setting<String> STREAM_FIELD = Setting.of(
            "streamField", SettingTypes.fieldName(), "stream", "Champ du flux de déchets", "Waste stream field");
    static final Setting<String> DAY_FIELD = Setting.of(
            "dayField", SettingTypes.fieldName(), "day", "Champ du jour de collecte", "Collection day field");

    private final CityTransactions jdbc;
    private final DeadLetters deadLetters;
    private final OutboundHttp http;

    public CollectionCalendarTemplate(CityTransactions jdbc, DeadLetters deadLetters, OutboundHttp http) {
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        this.http = http;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String moduleId() {
        return "waste";
    }

    @Override
    public boolean enabledByDefault() {
        return false;
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(URL, POLL, STREET_FIELD, STREAM_FIELD, DAY_FIELD);
    }

    @Override
    protected Endpoint source(ConnectorInstance instance, String uri) {
        return timer(uri, instance.get(POLL), Duration.ofMillis(500));
    }

    @Override
    protected void steps(RouteDefinition route) {
        route.process(this::fetch);
        idempotent(route, header(SOURCE_KEY)).process(this::replaceCalendar).end();
    }

    /** Through the outbound guard: public servers only (or allow-listed for the city), capped, redirects checked. */
    private void fetch(Exchange exchange) throws OutboundException {
        ConnectorInstance instance = instance(exchange);
        URI url = instance.get(URL);
        exchange.getIn().setHeader(SOURCE, url.toString());
        String body = http.getText(instance.city(), url, Map.of("Accept", "application/json"))
                .body();
        exchange.getIn().setBody(body);
        exchange.getIn().setHeader(SOURCE_KEY, "sha256:" + sha256(body));
    }

    private void replaceCalendar(Exchange exchange) {
        ConnectorInstance instance = instance(exchange);
        String city = instance.city();
        String body = exchange.getIn().getBody(String.class);
        JsonNode results;
        try {
            results = JSON.readTree(body).path("results");
        } catch (JacksonException e) {
            // The reason only: an answer's body never goes into a dead letter the admin reads back.
            throw new IllegalArgumentException("the open-data answer is not JSON (" + body.length() + " characters)");
        }
        if (!results.isArray()) {
            throw new IllegalArgumentException("the open-data answer has no 'results' array");
        }
        List<CollectionDay> days = new ArrayList<>();
        List<DeadLetter.Failure> rejected = new ArrayList<>();
        String source = exchange.getIn().getHeader(SOURCE, String.class);
        String sourceKey = exchange.getIn().getHeader(SOURCE_KEY, String.class);
        for (int i = 0; i < results.size(); i++) {
            JsonNode record = results.get(i);
            try {
                days.add(
                        parse(record, instance.get(STREET_FIELD), instance.get(STREAM_FIELD), instance.get(DAY_FIELD)));
            } catch (IllegalArgumentException e) {
                rejected.add(
                        new DeadLetter.Failure(ID, source, sourceKey, (long) i + 1, record.toString(), e.getMessage()));
            }
        }
        jdbc.run(city, client -> {
            client.sql("delete from waste_collection_day").update();
            days.stream()
                    .distinct()
                    .forEach(day -> client.sql("""
                            insert into waste_collection_day (street, stream, weekday) values (:street, :stream, :weekday)
                            on conflict do nothing""")
                            .param("street", day.street().trim())
                            .param("stream", day.stream().name())
                            .param("weekday", day.day().getValue())
                            .update());
            deadLetters.record(city, rejected);
        });
    }

    static CollectionDay parse(JsonNode record, String streetField, String streamField, String dayField) {
        String street = record.path(streetField).asString("");
        WasteStream stream = WasteStream.parse(record.path(streamField).asString(""))
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown stream '" + record.path(streamField).asString("") + "'"));
        return new CollectionDay(street, stream, day(record.path(dayField)));
    }

    private static DayOfWeek day(JsonNode value) {
        if (value.isInt() && value.asInt() >= 1 && value.asInt() <= 7) {
            return DayOfWeek.of(value.asInt());
        }
        String name = Normalizer.normalize(value.asString(""), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .trim()
                .toLowerCase(Locale.ROOT);
        return Optional.ofNullable(DAYS.get(name))
                .or(() -> english(name))
                .orElseThrow(() ->
                        new IllegalArgumentException("day '" + value.asString("") + "' is not 1-7 nor a day name"));
    }

    private static Optional<DayOfWeek> english(String name) {
        try {
            return Optional.of(DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected List<Class<? extends Exception>> permanentFailures() {
        return List.of(
                IllegalArgumentException.class, OutboundException.Refused.class, OutboundException.TooLarge.class);
    }
}
