#ifndef TASKFLOW_THEMES_H
#define TASKFLOW_THEMES_H
#include <stddef.h>
/// How many theme files from Themes/ are compiled in.
size_t taskflow_builtin_theme_count(void);
/// The name of built-in theme `index` (its file name without .toml).
const char *taskflow_builtin_theme_name(size_t index);
/// The TOML text of built-in theme `index`, NUL-terminated UTF-8.
const char *taskflow_builtin_theme_text(size_t index);
#endif
