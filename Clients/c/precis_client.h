/*
 * A small C client for the Precis protocol v1 (docs/PROTOCOL.md) on libprotobuf-c and the
 * generated code in Sources/CPrecisProto. One blocking TCP connection; one call at a time
 * (precis_call sends a request and reads frames until the answer with its id arrives).
 *
 *   precis_client *c;
 *   precis_error err;
 *   if (precis_connect("127.0.0.1", "7450", 5000, &c, &err) != 0) { puts(err.message); ... }
 *   Precis__V1__Response *r;
 *   if (precis_ping(c, "hi", 2, &r, &err) == 0) { ...; precis_response_free(r); }
 *   precis_close(c);
 */
#ifndef PRECIS_CLIENT_H
#define PRECIS_CLIENT_H

#include <stddef.h>
#include <stdint.h>

#include "precis/v1/precis.pb-c.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What went wrong: a Precis status code (Precis__V1__StatusCode: 3 INVALID_ARGUMENT, 4
 * DEADLINE_EXCEEDED, 14 UNAVAILABLE, ...) and a message. Client-side failures use the same
 * codes: a timeout is DEADLINE_EXCEEDED, a refused or closed connection UNAVAILABLE, a peer that
 * breaks the protocol INTERNAL. */
typedef struct precis_error {
    int code;
    uint64_t request_id;
    char message[256];
} precis_error;

typedef struct precis_client precis_client;

/* The largest request frame a client sends unless told otherwise: the server's default
 * --max-frame-bytes (InfoResponse.limits.max_frame_bytes). */
#define PRECIS_DEFAULT_MAX_REQUEST_BYTES (4u << 20)

/* Connects to host:port and exchanges the 8-byte prefaces. timeout_ms bounds connecting, the
 * preface and, later, every call. Returns 0, or the error code (and fills err). */
int precis_connect(const char *host, const char *port, int timeout_ms, precis_client **out,
                   precis_error *err);

/* Closes the connection and frees the client (NULL is fine). */
void precis_close(precis_client *client);

/* Sends request (its id is assigned by the client) and waits for its answer. On OK returns 0
 * and *out holds the response, to free with precis_response_free. On a non-OK status returns
 * the code, fills err with the server's message, and *out is NULL. */
int precis_call(precis_client *client, Precis__V1__Request *request, Precis__V1__Response **out,
                precis_error *err);

void precis_response_free(Precis__V1__Response *response);

/* The largest request precis_call sends (default PRECIS_DEFAULT_MAX_REQUEST_BYTES; 0 turns the
 * check off). A larger request fails with RESOURCE_EXHAUSTED before anything is written, and the
 * connection stays usable. Set it to the server's limits.max_frame_bytes if that differs.
 *
 * When a write fails because the server closed the connection, precis_call returns the status
 * the server sent before closing (for instance RESOURCE_EXHAUSTED for a frame over its limit)
 * rather than the reset. After a lost connection later calls fail with UNAVAILABLE. */
void precis_set_max_request_bytes(precis_client *client, uint32_t max_request_bytes);

/* Convenience wrappers around precis_call. */
int precis_ping(precis_client *client, const void *payload, size_t length,
                Precis__V1__Response **out, precis_error *err);
int precis_info(precis_client *client, Precis__V1__Response **out, precis_error *err);
/* text must be NUL-terminated UTF-8; sentences > 0 asks for that many sentences. */
int precis_summarize(precis_client *client, const char *text, uint32_t sentences,
                     Precis__V1__Response **out, precis_error *err);

/* "INVALID_ARGUMENT" for 3, "UNKNOWN_CODE" for a number the schema does not know. */
const char *precis_code_name(int code);

#ifdef __cplusplus
}
#endif

#endif
