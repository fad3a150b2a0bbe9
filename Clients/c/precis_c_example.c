/*
 * precis-c-example: calls a Precis server from C.
 *
 *   precis-c-example HOST:PORT [SENTENCES] < article.txt
 *
 * Prints the server's version (info), the ping round trip, then the summary of stdin, one
 * sentence a line with its UTF-8 byte span. Exits 1 with "error: CODE: message" when a call
 * fails (for instance INVALID_ARGUMENT for text that is not UTF-8), 2 on bad usage.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "precis_client.h"

static char *read_stdin(void) {
    size_t capacity = 4096, length = 0;
    char *text = malloc(capacity);
    if (text == NULL) return NULL;
    size_t n;
    while ((n = fread(text + length, 1, capacity - length - 1, stdin)) > 0) {
        length += n;
        if (capacity - length <= 1) {
            char *bigger = realloc(text, capacity * 2);
            if (bigger == NULL) {
                free(text);
                return NULL;
            }
            text = bigger;
            capacity *= 2;
        }
    }
    text[length] = '\0';
    return text;
}

static int report(const char *what, const precis_error *err) {
    fprintf(stderr, "error: %s: %s: %s\n", what, precis_code_name(err->code), err->message);
    return 1;
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3 || strrchr(argv[1], ':') == NULL) {
        fprintf(stderr, "usage: %s HOST:PORT [SENTENCES] < text\n", argv[0]);
        return 2;
    }
    char *host = strdup(argv[1]);
    if (host == NULL) return 1;
    char *colon = strrchr(host, ':');
    *colon = '\0';
    const char *port = colon + 1;
    uint32_t sentences = argc == 3 ? (uint32_t)strtoul(argv[2], NULL, 10) : 3;

    precis_client *client = NULL;
    precis_error err = {0};
    Precis__V1__Response *response = NULL;
    char *text = NULL;
    int status = 0;

    if (precis_connect(host, port, 10000, &client, &err) != 0) {
        status = report("connect", &err);
        goto done;
    }
    if (precis_info(client, &response, &err) != 0) {
        status = report("info", &err);
        goto done;
    }
    printf("server %s, protocol %u.%u\n", response->info->server_version, response->info->protocol_major,
           response->info->protocol_minor);
    precis_response_free(response);
    response = NULL;

    static const char payload[] = "precis-c";
    if (precis_ping(client, payload, sizeof payload - 1, &response, &err) != 0) {
        status = report("ping", &err);
        goto done;
    }
    const ProtobufCBinaryData *echo = &response->ping->payload;
    if (echo->len != sizeof payload - 1 || memcmp(echo->data, payload, echo->len) != 0) {
        fprintf(stderr, "error: ping: payload not echoed\n");
        status = 1;
        goto done;
    }
    printf("ping ok (%zu bytes echoed)\n", echo->len);
    precis_response_free(response);
    response = NULL;

    text = read_stdin();
    if (text == NULL) {
        fprintf(stderr, "error: out of memory\n");
        status = 1;
        goto done;
    }
    if (precis_summarize(client, text, sentences, &response, &err) != 0) {
        status = report("summarize", &err);
        goto done;
    }
    Precis__V1__SummarizeResponse *summary = response->summarize;
    printf("summary: %zu of %u sentences\n", summary->n_sentences, summary->candidate_sentences);
    for (size_t i = 0; i < summary->n_sentences; i++) {
        Precis__V1__SummarySentence *s = summary->sentences[i];
        printf("[%u,%u) %s\n", s->start, s->end, s->text);
    }

done:
    precis_response_free(response);
    precis_close(client);
    free(text);
    free(host);
    return status;
}
