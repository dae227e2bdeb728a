#include "shim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

// The libcurl functions TaskFlow calls, bound once from libcurl.so.4 (the soname of every
// libcurl 7.x and 8.x, so any Debian or Ubuntu libcurl4 package will do).
static struct {
    CURLcode (*global_init)(long);
    char *(*version)(void);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_send)(CURL *, const void *, size_t, size_t *);
    CURLcode (*easy_recv)(CURL *, void *, size_t, size_t *);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_error = NULL;
static char load_error_text[512];

static void load(void) {
    // Lazy: each function is bound on its first call, as for a linked library, rather than
    // every symbol of libcurl and its thirty libraries up front.
    void *library = dlopen("libcurl.so.4", RTLD_LAZY | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(load_error_text, sizeof load_error_text,
                 "libcurl is not installed (%s); install it with apt-get install libcurl4", dlerror());
        load_error = load_error_text;
        return;
    }
#define BIND(field, name)                                                                      \
    if ((*(void **)&curl.field = dlsym(library, name)) == NULL) {                              \
        snprintf(load_error_text, sizeof load_error_text, "libcurl.so.4 has no %s", name);     \
        load_error = load_error_text;                                                          \
        return;                                                                                \
    }
    BIND(global_init, "curl_global_init")
    BIND(version, "curl_version")
    BIND(easy_init, "curl_easy_init")
    BIND(easy_cleanup, "curl_easy_cleanup")
    BIND(easy_reset, "curl_easy_reset")
    BIND(easy_perform, "curl_easy_perform")
    BIND(easy_strerror, "curl_easy_strerror")
    BIND(easy_send, "curl_easy_send")
    BIND(easy_recv, "curl_easy_recv")
    BIND(slist_append, "curl_slist_append")
    BIND(slist_free_all, "curl_slist_free_all")
    BIND(easy_setopt, "curl_easy_setopt")
    BIND(easy_getinfo, "curl_easy_getinfo")
#undef BIND
}

const char *tf_curl_load_error(void) {
    pthread_once(&load_once, load);
    return load_error;
}

// Each entry point loads first; without libcurl they fail the way libcurl itself reports
// failure (NULL handle, CURLE_FAILED_INIT), and the caller shows tf_curl_load_error().
#define LOADED (tf_curl_load_error() == NULL)

CURLcode tf_curl_global_init(long flags) { return LOADED ? curl.global_init(flags) : CURLE_FAILED_INIT; }
const char *tf_curl_version(void) { return LOADED ? curl.version() : "libcurl not loaded"; }
CURL *tf_curl_easy_init(void) { return LOADED ? curl.easy_init() : NULL; }
void tf_curl_easy_cleanup(CURL *handle) { if (LOADED) curl.easy_cleanup(handle); }
void tf_curl_easy_reset(CURL *handle) { if (LOADED) curl.easy_reset(handle); }
CURLcode tf_curl_easy_perform(CURL *handle) { return LOADED ? curl.easy_perform(handle) : CURLE_FAILED_INIT; }
const char *tf_curl_easy_strerror(CURLcode code) { return LOADED ? curl.easy_strerror(code) : tf_curl_load_error(); }

CURLcode tf_curl_easy_send(CURL *handle, const void *buffer, size_t length, size_t *sent) {
    return LOADED ? curl.easy_send(handle, buffer, length, sent) : CURLE_FAILED_INIT;
}

CURLcode tf_curl_easy_recv(CURL *handle, void *buffer, size_t length, size_t *received) {
    return LOADED ? curl.easy_recv(handle, buffer, length, received) : CURLE_FAILED_INIT;
}

struct curl_slist *tf_curl_slist_append(struct curl_slist *list, const char *line) {
    return LOADED ? curl.slist_append(list, line) : NULL;
}

void tf_curl_slist_free_all(struct curl_slist *list) { if (LOADED) curl.slist_free_all(list); }

CURLcode tf_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return LOADED ? curl.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

CURLcode tf_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return LOADED ? curl.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

CURLcode tf_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return LOADED ? curl.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

CURLcode tf_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return LOADED ? curl.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

CURLcode tf_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return LOADED ? curl.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

CURLcode tf_curl_setopt_write_function(CURL *handle, tf_curl_data_callback callback) {
    return LOADED ? curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback) : CURLE_FAILED_INIT;
}

CURLcode tf_curl_setopt_header_function(CURL *handle, tf_curl_data_callback callback) {
    return LOADED ? curl.easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback) : CURLE_FAILED_INIT;
}

CURLcode tf_curl_setopt_progress_function(CURL *handle, tf_curl_progress_callback callback) {
    return LOADED ? curl.easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback) : CURLE_FAILED_INIT;
}

CURLcode tf_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return LOADED ? curl.easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}

CURLcode tf_curl_getinfo_socket(CURL *handle, curl_socket_t *value) {
    return LOADED ? curl.easy_getinfo(handle, CURLINFO_ACTIVESOCKET, value) : CURLE_FAILED_INIT;
}
