// Thin shim over ncursesw (wide-character API). No logic lives here: only the defines that
// select the wide API, and prefixed `static inline` wrappers for what Swift cannot call
// directly under strict concurrency (C globals, macros, variadic functions).
#ifndef PONDER_CNCURSES_SHIM_H
#define PONDER_CNCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline void cn_set_escdelay(int ms) { set_escdelay(ms); }
static inline int cn_err(void) { return ERR; }
static inline int cn_ok(void) { return OK; }
static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }
static inline void cn_setlocale_all(void) { setlocale(LC_ALL, ""); }
static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }
static inline int cn_set_ctype_locale(const char *name) { return setlocale(LC_CTYPE, name) != NULL; }

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_italic(void) { return A_ITALIC; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }

static inline int cn_mvadd_wch(int y, int x, const cchar_t *ch) { return mvadd_wch(y, x, ch); }
static inline int cn_setcchar(cchar_t *wcval, const wchar_t *wch, attr_t attrs, short pair) {
    return setcchar(wcval, wch, attrs, pair, NULL);
}
static inline SCREEN *cn_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline int cn_key_f0(void) { return KEY_F0; }
static inline int cn_key_max(void) { return KEY_MAX; }
static inline int cn_move(int y, int x) { return wmove(stdscr, y, x); }
static inline int cn_flush_frame(void) {
    wnoutrefresh(stdscr);
    return doupdate();
}
static inline int cn_getmaxy(void) { return getmaxy(stdscr); }
static inline int cn_getmaxx(void) { return getmaxx(stdscr); }
static inline int cn_wget_wch(wint_t *ch) { return wget_wch(stdscr, ch); }

static inline mmask_t cn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cn_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cn_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t cn_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t cn_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cn_button5_pressed(void) { return BUTTON5_PRESSED; }

#endif
