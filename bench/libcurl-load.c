/* What loading libcurl costs, for bench/client.sh: `libcurl-load` opens libcurl.so.4 as
 * CCurl's shim does (with its thirty-odd libraries) and calls curl_global_init, then
 * exits; `libcurl-load none` exits at once, the baseline of a C process. */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "none") == 0) return 0;
    void *curl = dlopen("libcurl.so.4", RTLD_LAZY);
    if (!curl) { fprintf(stderr, "%s\n", dlerror()); return 1; }
    int (*global_init)(long) = (int (*)(long))dlsym(curl, "curl_global_init");
    return global_init && global_init(3 /* CURL_GLOBAL_ALL */) == 0 ? 0 : 1;
}
