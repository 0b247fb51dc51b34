package org.herald.channel.sms;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.isRequest;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageContainsRegexp;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageHasKey;
import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A local stand-in for the Twilio REST API (WireMock), and the judge of every request Herald sent
 * to it: Twilio's own OpenAPI description (twilio-oai, MIT, see twilio/LICENSE next to it).
 */
public final class TwilioApiStandIn implements AutoCloseable {

    private static final String SPEC = "/twilio/twilio_api_v2010.json";

    /**
     * The validator turns form values that look like numbers ({@code To=+15550100001}) into JSON
     * numbers before checking them, then finds a number where the schema wants a string. On the wire
     * every form value is a string, so exactly that finding is a false alarm and only it is ignored;
     * a string where the schema wants a number is still an error (see the test guarding this).
     */
    static final String FORM_VALUES_ARE_STRINGS = "form values are strings on the wire";

    private final WireMockServer server;
    private final OpenApiInteractionValidator spec;

    public TwilioApiStandIn() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        spec = OpenApiInteractionValidator
                .createForSpecificationUrl(TwilioApiStandIn.class.getResource(SPEC).toString())
                .withWhitelist(ValidationErrorsWhitelist.create().withRule(FORM_VALUES_ARE_STRINGS, allOf(
                        isRequest(),
                        messageHasKey("validation.request.body.schema.type"),
                        messageContainsRegexp("Instance type \\((integer|number)\\) does not match any allowed primitive type \\(allowed: \\[\"string\"\\]\\)"))))
                .build();
    }

    public WireMockServer server() {
        return server;
    }

    /** The API base URL for Herald: a host name, as the SDK rewrites dotted hosts. */
    public URI baseUrl() {
        return URI.create("http://localhost:" + server.port());
    }

    public List<LoggedRequest> requests() {
        return server.getAllServeEvents().stream().map(ServeEvent::getRequest).toList();
    }

    /** The form fields of a recorded request, decoded. */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** Checks one request against Twilio's OpenAPI description. */
    ValidationReport check(Request request) {
        return spec.validateRequest(request);
    }

    /** Fails with the validator's messages unless every request recorded so far conforms. */
    public void assertEveryRequestConformsToTwilioSpec() {
        for (LoggedRequest recorded : requests()) {
            ValidationReport report = check(asOpenApiRequest(recorded));
            if (report.hasErrors()) {
                fail(recorded.getMethod() + " " + recorded.getUrl() + " breaks Twilio's OpenAPI description:\n"
                        + report.getMessages().stream().map(m -> m.getKey() + " " + m).collect(Collectors.joining("\n")));
            }
        }
    }

    static Request asOpenApiRequest(LoggedRequest recorded) {
        URI uri = URI.create(recorded.getUrl());
        SimpleRequest.Builder request = new SimpleRequest.Builder(recorded.getMethod().value(), uri.getPath());
        for (HttpHeader header : recorded.getHeaders().all()) {
            request.withHeader(header.key(), header.values());
        }
        recorded.getQueryParams().forEach((name, values) -> request.withQueryParam(name, values.values()));
        if (recorded.getBody() != null && recorded.getBody().length > 0) {
            request.withBody(recorded.getBodyAsString());
        }
        return request.build();
    }

    public void reset() {
        server.resetAll();
    }

    @Override
    public void close() {
        server.stop();
    }
}
