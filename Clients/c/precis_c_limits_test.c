/*
 * precis-c-limits-test: the C client against a document over the server's frame limit.
 *
 *   precis-c-limits-test HOST:PORT
 *
 * 1. A 5 MiB document (over the default 4 MiB --max-frame-bytes) is refused by the client
 *    itself with RESOURCE_EXHAUSTED, nothing is sent, and the same connection still answers.
 * 2. With the client's check off the frame goes out; the server answers RESOURCE_EXHAUSTED and
 *    closes while the client is still writing. The call reports the server's status and message
 *    (not "Connection reset by peer"), and a later call on that client fails with UNAVAILABLE.
 * Prints one line per check; exits 0 when all pass, 1 otherwise (test.sh runs it under valgrind).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "precis_client.h"

static int failures = 0;

static void check(int ok, const char *what, const precis_error *err) {
    printf("%s %s", ok ? "ok  " : "FAIL", what);
    if (err != NULL) printf(" [%s: %s]", precis_code_name(err->code), err->message);
    printf("\n");
    if (!ok) failures++;
}

int main(int argc, char **argv) {
    if (argc != 2 || strrchr(argv[1], ':') == NULL) {
        fprintf(stderr, "usage: %s HOST:PORT\n", argv[0]);
        return 2;
    }
    char *host = strdup(argv[1]);
    if (host == NULL) return 1;
    char *colon = strrchr(host, ':');
    *colon = '\0';
    const char *port = colon + 1;

    static const char sentence[] = "The harbour ferry will run twice a day from March. ";
    size_t size = 5u << 20;
    char *big = malloc(size + 1);
    if (big == NULL) return 1;
    for (size_t i = 0; i < size; i++) big[i] = sentence[i % (sizeof sentence - 1)];
    big[size] = '\0';

    precis_client *client = NULL;
    precis_error err = {0};
    Precis__V1__Response *response = NULL;
    int rc = precis_connect(host, port, 10000, &client, &err);
    check(rc == 0, "connect", rc == 0 ? NULL : &err);
    if (rc == 0) {
        rc = precis_summarize(client, big, 1, &response, &err);
        check(rc == PRECIS__V1__STATUS_CODE__RESOURCE_EXHAUSTED && strstr(err.message, "frame limit of 4194304") != NULL,
              "5 MiB document refused before sending with RESOURCE_EXHAUSTED", &err);
        precis_response_free(response);
        response = NULL;
        rc = precis_ping(client, "x", 1, &response, &err);
        check(rc == 0, "the connection still answers a ping", rc == 0 ? NULL : &err);
        precis_response_free(response);
        response = NULL;
        precis_close(client);
        client = NULL;
    }

    /* The write races the server's answer and reset; a few rounds see different orders. */
    for (int round = 0; round < 3; round++) {
        rc = precis_connect(host, port, 10000, &client, &err);
        check(rc == 0, "connect again", rc == 0 ? NULL : &err);
        if (rc != 0) break;
        precis_set_max_request_bytes(client, 0);
        rc = precis_summarize(client, big, 1, &response, &err);
        check(rc == PRECIS__V1__STATUS_CODE__RESOURCE_EXHAUSTED && strstr(err.message, "exceeds the limit") != NULL,
              "with the check off: the server's RESOURCE_EXHAUSTED, not the reset", &err);
        precis_response_free(response);
        response = NULL;
        rc = precis_ping(client, "x", 1, &response, &err);
        check(rc == PRECIS__V1__STATUS_CODE__UNAVAILABLE, "a later call on the closed connection is UNAVAILABLE", &err);
        precis_response_free(response);
        response = NULL;
        precis_close(client);
        client = NULL;
    }

    precis_close(client);
    free(big);
    free(host);
    printf("%s\n", failures == 0 ? "all limit checks passed" : "some limit checks failed");
    return failures == 0 ? 0 : 1;
}
