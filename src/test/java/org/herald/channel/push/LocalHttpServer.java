package org.herald.channel.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A JDK HTTP server on loopback that answers by path and keeps every request it saw. */
final class LocalHttpServer implements AutoCloseable {

    record Seen(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer json(int status, String json) {
            return new Answer(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }

        static Answer empty(int status, Map<String, String> headers) {
            return new Answer(status, headers, new byte[0]);
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Seen, Answer>> routes = new ConcurrentHashMap<>();

    LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    void answer(String path, Function<Seen, Answer> answer) {
        routes.put(path, answer);
    }

    List<Seen> seen(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    void reset() {
        routes.clear();
        seen.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
        seen.add(request);
        Function<Seen, Answer> route = routes.get(request.path());
        Answer answer = route == null ? Answer.json(404, "{}") : route.apply(request);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (answer.body().length == 0) {
            exchange.sendResponseHeaders(answer.status(), -1);
        } else {
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
