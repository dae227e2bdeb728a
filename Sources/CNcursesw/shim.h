#ifndef TASKFLOW_CNCURSESW_SHIM_H
#define TASKFLOW_CNCURSESW_SHIM_H

/* SwiftPM drops pkg-config's -D flags, so the wide-character API (cchar_t, setcchar,
   mvadd_wch, wget_wch) is only declared if these are defined before the include. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* glibc declares wcwidth only under _XOPEN_SOURCE, which we do not want to force on
   every other header of the module. */
extern int wcwidth(wchar_t c);

/* Swift 6 rejects curses' global variables as shared mutable state, and macros with
   arguments or casts do not import at all: these accessors stand in for them. */

static inline WINDOW *tf_stdscr(void) { return stdscr; }
static inline WINDOW *tf_curscr(void) { return curscr; }
static inline int tf_COLS(void) { return COLS; }
static inline int tf_LINES(void) { return LINES; }
static inline int tf_COLORS(void) { return COLORS; }
static inline int tf_COLOR_PAIRS(void) { return COLOR_PAIRS; }

static inline attr_t tf_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t tf_A_BOLD(void) { return A_BOLD; }
static inline attr_t tf_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t tf_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t tf_A_DIM(void) { return A_DIM; }
static inline attr_t tf_A_ALTCHARSET(void) { return A_ALTCHARSET; }
static inline attr_t tf_COLOR_PAIR(int pair) { return (attr_t)COLOR_PAIR(pair); }

static inline int tf_KEY_F(int n) { return KEY_F(n); }

/* Whether the current terminal's terminfo entry has the string capability `name`:
   "cup" (cursor addressing: TERM=dumb has none), "smcup" (an alternate screen). */
static inline bool tf_has_capability(const char *name) {
    char *value = tigetstr(name);
    return value != NULL && value != (char *)-1 && value[0] != '\0';
}

/* Sends the current terminal's string capability `name` (such as "clear"), if it has one. */
static inline void tf_put_capability(const char *name) {
    char *value = tigetstr(name);
    if (value != NULL && value != (char *)-1) {
        putp(value);
        fflush(stdout);
    }
}

static inline FILE *tf_stdin(void) { return stdin; }
static inline FILE *tf_stdout(void) { return stdout; }

/* The terminal's size from the kernel (ioctl is variadic, so Swift cannot call it). */
static inline int tf_terminal_size(int fd, int *rows, int *cols) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return -1;
    *rows = size.ws_row;
    *cols = size.ws_col;
    return 0;
}

static inline mmask_t tf_ALL_MOUSE_EVENTS(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t tf_BUTTON_PRESSED(int button) {
    switch (button) {
    case 1: return BUTTON1_PRESSED;
    case 2: return BUTTON2_PRESSED;
    case 3: return BUTTON3_PRESSED;
    case 4: return BUTTON4_PRESSED;
    default: return BUTTON5_PRESSED;
    }
}
static inline mmask_t tf_BUTTON_RELEASED(int button) {
    switch (button) {
    case 1: return BUTTON1_RELEASED;
    case 2: return BUTTON2_RELEASED;
    default: return BUTTON3_RELEASED;
    }
}
static inline mmask_t tf_BUTTON_CLICKED(int button) {
    switch (button) {
    case 1: return BUTTON1_CLICKED;
    case 2: return BUTTON2_CLICKED;
    default: return BUTTON3_CLICKED;
    }
}

/* Box-drawing characters that curses maps to whatever the terminal can show (real
   Unicode lines in a UTF-8 locale, the alternate character set otherwise). */
static inline const cchar_t *tf_WACS_HLINE(void) { return WACS_HLINE; }
static inline const cchar_t *tf_WACS_VLINE(void) { return WACS_VLINE; }
static inline const cchar_t *tf_WACS_ULCORNER(void) { return WACS_ULCORNER; }
static inline const cchar_t *tf_WACS_URCORNER(void) { return WACS_URCORNER; }
static inline const cchar_t *tf_WACS_LLCORNER(void) { return WACS_LLCORNER; }
static inline const cchar_t *tf_WACS_LRCORNER(void) { return WACS_LRCORNER; }
static inline const cchar_t *tf_WACS_LTEE(void) { return WACS_LTEE; }
static inline const cchar_t *tf_WACS_RTEE(void) { return WACS_RTEE; }
static inline const cchar_t *tf_WACS_TTEE(void) { return WACS_TTEE; }
static inline const cchar_t *tf_WACS_BTEE(void) { return WACS_BTEE; }
static inline const cchar_t *tf_WACS_PLUS(void) { return WACS_PLUS; }

/* setcchar with a wchar_t buffer from Swift (the C prototype's const-ness differs
   between ncurses versions; this pins one). */
static inline int tf_setcchar(cchar_t *cell, const wchar_t *text, attr_t attrs, short pair) {
    return setcchar(cell, text, attrs, pair, NULL);
}

#endif
