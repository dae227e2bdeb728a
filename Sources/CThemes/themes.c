// The files in Themes/ compiled into the binary (C23 #embed), so an installed `taskflow`
// has its themes without the repository, and Themes/ stays the one copy of them.
#include "themes.h"
#pragma clang diagnostic ignored "-Wc23-extensions"

static const char default_theme[] = {
#embed "../../Themes/default.toml"
    , 0};
static const char light_theme[] = {
#embed "../../Themes/light.toml"
    , 0};
static const char solarized_dark_theme[] = {
#embed "../../Themes/solarized-dark.toml"
    , 0};
static const char gruvbox_theme[] = {
#embed "../../Themes/gruvbox.toml"
    , 0};
static const char high_contrast_theme[] = {
#embed "../../Themes/high-contrast.toml"
    , 0};
static const char mono_theme[] = {
#embed "../../Themes/mono.toml"
    , 0};

static const struct {
    const char *name;
    const char *text;
} themes[] = {
    {"default", default_theme},
    {"light", light_theme},
    {"solarized-dark", solarized_dark_theme},
    {"gruvbox", gruvbox_theme},
    {"high-contrast", high_contrast_theme},
    {"mono", mono_theme},
};

size_t taskflow_builtin_theme_count(void) { return sizeof themes / sizeof themes[0]; }

const char *taskflow_builtin_theme_name(size_t index) {
    return index < taskflow_builtin_theme_count() ? themes[index].name : 0;
}

const char *taskflow_builtin_theme_text(size_t index) {
    return index < taskflow_builtin_theme_count() ? themes[index].text : 0;
}
