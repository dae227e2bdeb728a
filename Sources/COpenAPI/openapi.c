#include "openapi.h"
#pragma clang diagnostic ignored "-Wc23-extensions"

static const char document[] = {
#embed "../../docs/openapi.yaml"
    , 0
};

const char *taskflow_openapi_yaml(void) { return document; }
