package org.herald.channel.sms;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The Twilio SDK's HTTP client, changed in three ways: requests go to the configured API base URL
 * (the SDK has no such option), no layer retries on its own, and the status and
 * {@code Retry-After} of the last answer stay readable on the calling thread.
 *
 * <p>Shared by the SMS and voice adapters: one Twilio account, one way of talking to it.
 *
 * <p>Why no hidden retries: the SDK repeats a failed POST up to three times, 100 ms apart, on any
 * 5xx, and Apache HttpClient underneath repeats it after 429/503. A 5xx on {@code Messages.create}
 * does not prove the message was not created, so a blind repeat can text a person twice; Herald's
 * retry policy decides instead, with backoff and a recorded attempt each time.
 */
public final class TwilioHttpClient extends NetworkHttpClient {

    /** Status and {@code Retry-After} of the answer to the last request made on this thread. */
    public record Exchange(int status, Optional<String> retryAfter) {
    }

    private static final URI TWILIO = URI.create("https://api.twilio.com");
    private static final ThreadLocal<Exchange> LAST = new ThreadLocal<>();

    private final String base;

    public TwilioHttpClient(URI apiBaseUrl, Duration readTimeout) {
        super(HttpClientBuilder.create()
                .useSystemProperties()
                // Apache HttpClient would otherwise repeat the POST itself after a 429 or 503
                // (honouring Retry-After): the same double-send risk as the SDK's retries.
                .disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultSocketConfig(SocketConfig.custom()
                                .setSoTimeout(Timeout.ofMilliseconds(readTimeout.toMillis()))
                                .setSoKeepAlive(true)
                                .build())
                        // The SDK's own sizing: 20 parallel requests to Twilio per instance.
                        .setMaxConnPerRoute(20)
                        .setMaxConnTotal(100)
                        .build()));
        String b = apiBaseUrl.toString();
        this.base = TWILIO.equals(apiBaseUrl) ? null : b.replaceAll("/+$", "");
    }

    /** The answer to the last request on this thread, if one came back at all. */
    public static Optional<Exchange> lastExchange() {
        return Optional.ofNullable(LAST.get());
    }

    public static void forgetLastExchange() {
        LAST.remove();
    }

    @Override
    public Response makeRequest(Request request) {
        LAST.remove();
        Response response = super.makeRequest(onBase(request));
        LAST.set(new Exchange(response.getStatusCode(), header(response, "Retry-After")));
        return response;
    }

    @Override
    protected boolean shouldRetry(Response response, int[] retryCodes) {
        return false;
    }

    private Request onBase(Request request) {
        if (base == null) {
            return request;
        }
        URI original = URI.create(request.getUrl());
        Request moved = new Request(request.getMethod(), base + original.getPath());
        moved.setContentType(request.getContentType());
        moved.setBody(request.getBody());
        moved.setFormParameters(request.getFormParameters());
        copy(request.getQueryParams(), moved::addQueryParam);
        copy(request.getPostParams(), moved::addPostParam);
        copy(request.getHeaderParams(), moved::addHeaderParam);
        if (request.getUsername() != null) {
            moved.setAuth(request.getUsername(), request.getPassword());
        } else if (request.getAuthStrategy() != null) {
            moved.setAuth(request.getAuthStrategy());
        }
        moved.setUserAgentExtensions(request.getUserAgentExtensions());
        return moved;
    }

    private static void copy(Map<String, List<String>> from, java.util.function.BiConsumer<String, String> to) {
        if (from != null) {
            from.forEach((name, values) -> values.forEach(v -> to.accept(name, v)));
        }
    }

    private static Optional<String> header(Response response, String name) {
        Header[] headers = response.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        for (Header h : headers) {
            if (h.getName().equalsIgnoreCase(name)) {
                return Optional.ofNullable(h.getValue());
            }
        }
        return Optional.empty();
    }
}
