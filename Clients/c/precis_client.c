/* The Precis C client: see precis_client.h. */
#define _POSIX_C_SOURCE 200809L
#include "precis_client.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define PREFACE_LENGTH 8
#define MAX_RESPONSE_BYTES (64u << 20)
/* After the server closed or reset the connection: how long to wait for the answer it sent
 * before closing (its reason, an id-0 Response) that is still on its way or buffered. */
#define CLOSE_REASON_WAIT_MS 200

static const unsigned char preface[PREFACE_LENGTH] = {'P', 'R', 'E', 'C', 'I', 'S', 1, 0};

struct precis_client {
    int fd;
    int timeout_ms;
    uint64_t next_id;
    int going_away;
    uint32_t max_request_bytes; /* 0: no check */
    int broken;                 /* the stream is lost: later calls fail with UNAVAILABLE */
    char broken_reason[200];
};

static int fail(precis_error *err, int code, uint64_t id, const char *format, ...) {
    if (err != NULL) {
        va_list args;
        va_start(args, format);
        err->code = code;
        err->request_id = id;
        vsnprintf(err->message, sizeof err->message, format, args);
        va_end(args);
    }
    return code;
}

static int64_t now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Waits for events on fd until deadline; 0 when ready, else an error code in err. */
static int wait_for(int fd, short events, int64_t deadline, precis_error *err) {
    for (;;) {
        int64_t left = deadline - now_ms();
        if (left <= 0) return fail(err, PRECIS__V1__STATUS_CODE__DEADLINE_EXCEEDED, 0, "timed out");
        struct pollfd p = {.fd = fd, .events = events};
        int n = poll(&p, 1, (int)left);
        if (n > 0) return 0;
        if (n < 0 && errno != EINTR)
            return fail(err, PRECIS__V1__STATUS_CODE__UNAVAILABLE, 0, "poll: %s", strerror(errno));
    }
}

static int write_all(precis_client *c, const unsigned char *data, size_t length, int64_t deadline,
                     precis_error *err) {
    while (length > 0) {
        int rc = wait_for(c->fd, POLLOUT, deadline, err);
        if (rc != 0) return rc;
        ssize_t n = send(c->fd, data, length, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            return fail(err, PRECIS__V1__STATUS_CODE__UNAVAILABLE, 0, "send: %s", strerror(errno));
        }
        data += n;
        length -= (size_t)n;
    }
    return 0;
}

static int read_all(precis_client *c, unsigned char *data, size_t length, int64_t deadline,
                    precis_error *err) {
    while (length > 0) {
        int rc = wait_for(c->fd, POLLIN, deadline, err);
        if (rc != 0) return rc;
        ssize_t n = recv(c->fd, data, length, 0);
        if (n == 0)
            return fail(err, PRECIS__V1__STATUS_CODE__UNAVAILABLE, 0, "connection closed by the server%s",
                        c->going_away ? " after GoAway" : "");
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            return fail(err, PRECIS__V1__STATUS_CODE__UNAVAILABLE, 0, "recv: %s", strerror(errno));
        }
        data += n;
        length -= (size_t)n;
    }
    return 0;
}

static int open_socket(const char *host, const char *port, int64_t deadline, precis_error *err) {
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM};
    struct addrinfo *found = NULL;
    int rc = getaddrinfo(host, port, &hints, &found);
    if (rc != 0)
        return -fail(err, PRECIS__V1__STATUS_CODE__UNAVAILABLE, 0, "cannot resolve %s: %s", host, gai_strerror(rc));
    int fd = -1;
    int code = fail(err, PRECIS__V1__STATUS_CODE__UNAVAILABLE, 0, "no address for %s", host);
    for (struct addrinfo *a = found; a != NULL && fd < 0; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        if (connect(fd, a->ai_addr, a->ai_addrlen) != 0 && errno != EINPROGRESS) {
            code = fail(err, PRECIS__V1__STATUS_CODE__UNAVAILABLE, 0, "cannot connect to %s:%s: %s%s", host, port,
                        strerror(errno), errno == ECONNREFUSED ? " (is precisd running there?)" : "");
            close(fd);
            fd = -1;
            continue;
        }
        code = wait_for(fd, POLLOUT, deadline, err);
        int so_error = 0;
        socklen_t len = sizeof so_error;
        if (code == 0 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &len) == 0 && so_error != 0)
            code = fail(err, PRECIS__V1__STATUS_CODE__UNAVAILABLE, 0, "cannot connect to %s:%s: %s%s", host, port,
                        strerror(so_error), so_error == ECONNREFUSED ? " (is precisd running there?)" : "");
        if (code != 0) {
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(found);
    if (fd < 0) return -code;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

int precis_connect(const char *host, const char *port, int timeout_ms, precis_client **out,
                   precis_error *err) {
    *out = NULL;
    int64_t deadline = now_ms() + timeout_ms;
    int fd = open_socket(host, port, deadline, err);
    if (fd < 0) return -fd;
    precis_client *c = calloc(1, sizeof *c);
    if (c == NULL) {
        close(fd);
        return fail(err, PRECIS__V1__STATUS_CODE__INTERNAL, 0, "out of memory");
    }
    c->fd = fd;
    c->timeout_ms = timeout_ms;
    c->next_id = 1;
    c->max_request_bytes = PRECIS_DEFAULT_MAX_REQUEST_BYTES;
    unsigned char answer[PREFACE_LENGTH];
    int rc = write_all(c, preface, sizeof preface, deadline, err);
    if (rc == 0) rc = read_all(c, answer, sizeof answer, deadline, err);
    if (rc == 0 && memcmp(answer, preface, 6) != 0)
        rc = fail(err, PRECIS__V1__STATUS_CODE__INTERNAL, 0, "not a Precis server (preface %.6s)", (const char *)answer);
    if (rc == 0 && answer[6] != preface[6])
        rc = fail(err, PRECIS__V1__STATUS_CODE__INTERNAL, 0, "server speaks protocol %d.%d", answer[6], answer[7]);
    if (rc != 0) {
        precis_close(c);
        return rc;
    }
    *out = c;
    return 0;
}

void precis_close(precis_client *client) {
    if (client == NULL) return;
    close(client->fd);
    free(client);
}

void precis_response_free(Precis__V1__Response *response) {
    if (response != NULL) precis__v1__response__free_unpacked(response, NULL);
}

/* Reads one frame and decodes it; *out owns the result. */
static int read_response(precis_client *c, int64_t deadline, Precis__V1__Response **out, precis_error *err) {
    unsigned char header[4];
    int rc = read_all(c, header, sizeof header, deadline, err);
    if (rc != 0) return rc;
    uint32_t length = (uint32_t)header[0] << 24 | (uint32_t)header[1] << 16 | (uint32_t)header[2] << 8 | header[3];
    if (length > MAX_RESPONSE_BYTES)
        return fail(err, PRECIS__V1__STATUS_CODE__INTERNAL, 0, "response frame of %u bytes is too large", length);
    unsigned char *body = malloc(length > 0 ? length : 1);
    if (body == NULL) return fail(err, PRECIS__V1__STATUS_CODE__INTERNAL, 0, "out of memory");
    rc = read_all(c, body, length, deadline, err);
    if (rc == 0) {
        *out = precis__v1__response__unpack(NULL, length, body);
        if (*out == NULL) rc = fail(err, PRECIS__V1__STATUS_CODE__INTERNAL, 0, "undecodable response frame");
    }
    free(body);
    return rc;
}

void precis_set_max_request_bytes(precis_client *client, uint32_t max_request_bytes) {
    client->max_request_bytes = max_request_bytes;
}

/* Marks the stream lost (a frame half written or half read): later calls fail at once. */
static void mark_broken(precis_client *c, const precis_error *err) {
    c->broken = 1;
    snprintf(c->broken_reason, sizeof c->broken_reason, "%s: %.170s",
             err != NULL ? precis_code_name(err->code) : "UNAVAILABLE", err != NULL ? err->message : "connection lost");
}

/* The write of a request failed (EPIPE, ECONNRESET): the server may have answered before
 * closing, e.g. RESOURCE_EXHAUSTED for a frame over its limit, and that answer may still be in
 * the receive buffer. Reads frames for a short while; when one is a non-OK answer for this
 * request or for the connection (id 0), fills err with it and returns its code, else 0. */
static int server_reason(precis_client *c, uint64_t id, precis_error *err) {
    int64_t deadline = now_ms() + CLOSE_REASON_WAIT_MS;
    for (;;) {
        Precis__V1__Response *response = NULL;
        precis_error ignored;
        if (read_response(c, deadline, &response, &ignored) != 0) return 0;
        int code = response->status != NULL ? (int)response->status->code : 0;
        int is_reason = code != 0 && (response->id == 0 || response->id == id) &&
                        response->body_case != PRECIS__V1__RESPONSE__BODY_GO_AWAY;
        if (response->body_case == PRECIS__V1__RESPONSE__BODY_GO_AWAY) c->going_away = 1;
        if (is_reason) fail(err, code, response->id, "%s", response->status->message);
        precis_response_free(response);
        if (is_reason) return code;
    }
}

int precis_call(precis_client *c, Precis__V1__Request *request, Precis__V1__Response **out,
                precis_error *err) {
    *out = NULL;
    if (c->broken)
        return fail(err, PRECIS__V1__STATUS_CODE__UNAVAILABLE, 0, "connection lost earlier (%s); open a new connection",
                    c->broken_reason);
    if (c->going_away)
        return fail(err, PRECIS__V1__STATUS_CODE__UNAVAILABLE, 0, "server is going away; open a new connection");
    int64_t deadline = now_ms() + c->timeout_ms + request->timeout_ms;
    request->id = c->next_id++;
    size_t size = precis__v1__request__get_packed_size(request);
    if (c->max_request_bytes != 0 && size > c->max_request_bytes)
        return fail(err, PRECIS__V1__STATUS_CODE__RESOURCE_EXHAUSTED, request->id,
                    "request of %zu bytes exceeds the frame limit of %u bytes (the server's --max-frame-bytes); not sent",
                    size, c->max_request_bytes);
    if (size > UINT32_MAX)
        return fail(err, PRECIS__V1__STATUS_CODE__RESOURCE_EXHAUSTED, request->id, "request of %zu bytes cannot be framed", size);
    unsigned char *frame = malloc(4 + size);
    if (frame == NULL) return fail(err, PRECIS__V1__STATUS_CODE__INTERNAL, request->id, "out of memory");
    frame[0] = (unsigned char)(size >> 24);
    frame[1] = (unsigned char)(size >> 16);
    frame[2] = (unsigned char)(size >> 8);
    frame[3] = (unsigned char)size;
    precis__v1__request__pack(request, frame + 4);
    int rc = write_all(c, frame, 4 + size, deadline, err);
    free(frame);
    if (rc == PRECIS__V1__STATUS_CODE__UNAVAILABLE) {
        int reason = server_reason(c, request->id, err);
        if (reason != 0) rc = reason;
    }
    if (rc != 0) mark_broken(c, err);
    while (rc == 0) {
        Precis__V1__Response *response = NULL;
        rc = read_response(c, deadline, &response, err);
        if (rc != 0) {
            if (rc != PRECIS__V1__STATUS_CODE__DEADLINE_EXCEEDED) mark_broken(c, err);
            break;
        }
        if (response->id == 0 && response->body_case == PRECIS__V1__RESPONSE__BODY_GO_AWAY) {
            c->going_away = 1;  /* our request is still answered */
            precis_response_free(response);
            continue;
        }
        if (response->id != request->id && response->id != 0) {
            precis_response_free(response);  /* a late answer to an earlier, timed-out call */
            continue;
        }
        int code = response->status != NULL ? (int)response->status->code : 0;
        if (code != 0) {
            rc = fail(err, code, response->id, "%s", response->status->message);
            precis_response_free(response);
            break;
        }
        *out = response;
        return 0;
    }
    if (err != NULL && err->request_id == 0) err->request_id = request->id;
    return rc;
}

int precis_ping(precis_client *c, const void *payload, size_t length, Precis__V1__Response **out,
                precis_error *err) {
    Precis__V1__PingRequest ping = PRECIS__V1__PING_REQUEST__INIT;
    ping.payload.data = (uint8_t *)payload;
    ping.payload.len = length;
    Precis__V1__Request request = PRECIS__V1__REQUEST__INIT;
    request.operation_case = PRECIS__V1__REQUEST__OPERATION_PING;
    request.ping = &ping;
    return precis_call(c, &request, out, err);
}

int precis_info(precis_client *c, Precis__V1__Response **out, precis_error *err) {
    Precis__V1__InfoRequest info = PRECIS__V1__INFO_REQUEST__INIT;
    Precis__V1__Request request = PRECIS__V1__REQUEST__INIT;
    request.operation_case = PRECIS__V1__REQUEST__OPERATION_INFO;
    request.info = &info;
    return precis_call(c, &request, out, err);
}

int precis_summarize(precis_client *c, const char *text, uint32_t sentences, Precis__V1__Response **out,
                     precis_error *err) {
    Precis__V1__Document document = PRECIS__V1__DOCUMENT__INIT;
    document.text = (char *)text;
    Precis__V1__SummaryOptions options = PRECIS__V1__SUMMARY_OPTIONS__INIT;
    if (sentences > 0) {
        options.length_case = PRECIS__V1__SUMMARY_OPTIONS__LENGTH_SENTENCES;
        options.sentences = sentences;
    }
    Precis__V1__SummarizeRequest summarize = PRECIS__V1__SUMMARIZE_REQUEST__INIT;
    summarize.document = &document;
    summarize.options = &options;
    Precis__V1__Request request = PRECIS__V1__REQUEST__INIT;
    request.operation_case = PRECIS__V1__REQUEST__OPERATION_SUMMARIZE;
    request.summarize = &summarize;
    return precis_call(c, &request, out, err);
}

const char *precis_code_name(int code) {
    const ProtobufCEnumValue *value =
        protobuf_c_enum_descriptor_get_value(&precis__v1__status_code__descriptor, code);
    return value != NULL ? value->name : "UNKNOWN_CODE";
}
