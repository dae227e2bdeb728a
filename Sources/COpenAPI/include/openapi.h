#ifndef TASKFLOW_OPENAPI_H
#define TASKFLOW_OPENAPI_H
/// docs/openapi.yaml as a NUL-terminated UTF-8 string.
const char *taskflow_openapi_yaml(void);
#endif
