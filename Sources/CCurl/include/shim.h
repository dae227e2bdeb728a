#ifndef TASKFLOW_CCURL_SHIM_H
#define TASKFLOW_CCURL_SHIM_H

// libcurl, loaded on first use (shim.c) rather than linked: libcurl brings some thirty
// shared libraries (GnuTLS, Kerberos, LDAP, SSH, ...), and loading and binding them was
// half the start-up of every `taskflow` process, including those that never touch the
// network (`--version`, `--help`, the offline screen). Swift calls only these `tf_`
// functions; curl.h is here for its types and constants.
//
// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: the typed
// wrappers fix the argument type per call site.

#include <curl/curl.h>
#include <poll.h>

/// NULL once libcurl is loaded; else why it could not be (the library missing, a symbol
/// missing). Every other function loads it first and fails softly when it could not.
const char *tf_curl_load_error(void);

CURLcode tf_curl_global_init(long flags);
const char *tf_curl_version(void);
CURL *tf_curl_easy_init(void);
void tf_curl_easy_cleanup(CURL *handle);
void tf_curl_easy_reset(CURL *handle);
CURLcode tf_curl_easy_perform(CURL *handle);
const char *tf_curl_easy_strerror(CURLcode code);
CURLcode tf_curl_easy_send(CURL *handle, const void *buffer, size_t length, size_t *sent);
CURLcode tf_curl_easy_recv(CURL *handle, void *buffer, size_t length, size_t *received);
struct curl_slist *tf_curl_slist_append(struct curl_slist *list, const char *line);
void tf_curl_slist_free_all(struct curl_slist *list);

typedef size_t (*tf_curl_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*tf_curl_progress_callback)(void *context, curl_off_t download_total, curl_off_t download_now,
                                         curl_off_t upload_total, curl_off_t upload_now);

CURLcode tf_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode tf_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode tf_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode tf_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode tf_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode tf_curl_setopt_write_function(CURL *handle, tf_curl_data_callback callback);
CURLcode tf_curl_setopt_header_function(CURL *handle, tf_curl_data_callback callback);
CURLcode tf_curl_setopt_progress_function(CURL *handle, tf_curl_progress_callback callback);
CURLcode tf_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode tf_curl_getinfo_socket(CURL *handle, curl_socket_t *value);

#endif
